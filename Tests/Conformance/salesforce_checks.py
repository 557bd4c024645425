"""simple-salesforce against the Sandbox's Salesforce REST API (v60.0, the version SalesforceSource pins)."""

import requests
from requests.adapters import HTTPAdapter
from simple_salesforce import Salesforce
from simple_salesforce.exceptions import (SalesforceExpiredSession, SalesforceGeneralError,
                                          SalesforceMalformedRequest, SalesforceRefusedRequest)

# The fields SalesforceSource selects (Sources/Connectors/Salesforce/SalesforceObject.swift), and the summary's key.
OBJECTS = {
    "Account": (["Id", "Name", "Website", "Industry", "NumberOfEmployees", "BillingCountry", "CreatedDate"],
                "salesforce_accounts"),
    "Contact": (["Id", "AccountId", "Name", "Email", "LastActivityDate", "CreatedDate"], "salesforce_contacts"),
    "Opportunity": (["Id", "AccountId", "Name", "StageName", "Amount", "CreatedDate", "CloseDate", "IsClosed", "IsWon"],
                    "salesforce_opportunities"),
    "Case": (["Id", "AccountId", "Subject", "Status", "Priority", "IsClosed", "CreatedDate", "ClosedDate"],
             "salesforce_cases"),
}


class PlainHTTP(HTTPAdapter):
    """simple-salesforce always builds https URLs; the Sandbox serves plain HTTP on loopback."""

    def send(self, request, **options):
        request.url = "http://" + request.url.removeprefix("https://")
        return super().send(request, **options)


def client(sandbox, token=None):
    session = requests.Session()
    session.mount(f"https://127.0.0.1:{sandbox.port}/", PlainHTTP())
    return Salesforce(instance_url=sandbox.base, session_id=token or sandbox.tokens["salesforce"], version="60.0",
                      session=session)


def counts(sandbox, summary, report):
    sf = client(sandbox)
    for name, (fields, key) in OBJECTS.items():
        # The spaces go as `+` (requests encodes the query as a form), which the Sandbox decodes.
        result = sf.query_all(f"SELECT {', '.join(fields + ['SystemModstamp'])} FROM {name} WHERE IsDeleted = false")
        report.count(f"salesforce {name} (query_all)", len(result["records"]), summary[key])
        missing = [f for f in fields if result["records"] and f not in result["records"][0]]
        report.check(f"salesforce {name} records carry every field selected", not missing, ", ".join(missing))


def code(error):
    """The errorCode of a Salesforce error body (always an array), as the exception carries it parsed."""
    return error.content[0]["errorCode"]


def errors(sandbox, report):
    wrong = client(sandbox, token="00Dwrong")
    report.raises("salesforce 401 is SalesforceExpiredSession", lambda: wrong.query("SELECT Id FROM Account"),
                  SalesforceExpiredSession, lambda e: e.status == 401 and code(e) == "INVALID_SESSION_ID")
    sf = client(sandbox)
    sandbox.fault("rate_limit", "/services/data")
    report.raises("salesforce's rate limit (403 REQUEST_LIMIT_EXCEEDED) is SalesforceRefusedRequest",
                  lambda: sf.query("SELECT Id FROM Account"), SalesforceRefusedRequest,
                  lambda e: e.status == 403 and code(e) == "REQUEST_LIMIT_EXCEEDED")
    sandbox.fault("server_error", "/services/data")
    report.raises("salesforce 503 is SalesforceGeneralError", lambda: sf.query("SELECT Id FROM Account"),
                  SalesforceGeneralError, lambda e: e.status == 503 and code(e) == "SERVER_UNAVAILABLE")
    report.raises("salesforce 400 is SalesforceMalformedRequest", lambda: sf.query("SELEC Id FROM Account"),
                  SalesforceMalformedRequest, lambda e: e.status == 400 and code(e) == "MALFORMED_QUERY")


def models(sandbox, report):
    report.note("salesforce: simple-salesforce has no models (records are dicts; an org's fields come from its "
                "describe call), so the fields are checked by the queries above")
