"""hubspot-api-client against the Sandbox's HubSpot."""

import json

import hubspot
from hubspot.crm.companies.exceptions import ApiException, ServiceException, UnauthorizedException
from hubspot.crm.companies.models import Error, PublicObjectSearchRequest, SimplePublicObjectWithAssociations

# The properties HubSpotSource asks for and reads (Sources/Connectors/HubSpot/HubSpotObject.swift).
PROPERTIES = {
    "companies": ["name", "domain", "industry", "numberofemployees", "country", "createdate", "hs_lastmodifieddate"],
    "contacts": ["email", "firstname", "lastname", "associatedcompanyid", "notes_last_updated", "lastmodifieddate"],
    "deals": ["dealname", "dealstage", "pipeline", "amount", "deal_currency_code", "createdate", "closedate",
              "hs_is_closed", "hs_is_closed_won", "hs_lastmodifieddate"],
    "tickets": ["subject", "hs_pipeline", "hs_pipeline_stage", "hs_ticket_priority", "createdate", "closed_date",
                "hs_lastmodifieddate"],
}
# The record fields it reads, by their JSON names.
READ = [("id", "str"), ("properties", "dict[str, str]"), ("archived", "bool"), ("archivedAt", "datetime"),
        ("createdAt", "datetime"), ("associations", "dict[str, CollectionResponseAssociatedId]")]


def client(sandbox, token=None):
    return hubspot.Client.create(access_token=token or sandbox.tokens["hubspot"], host=sandbox.base)


def api(hub, kind):
    return getattr(hub.crm, kind)


def counts(sandbox, summary, report):
    hub = client(sandbox)
    for kind in PROPERTIES:
        records = api(hub, kind).get_all(properties=PROPERTIES[kind])
        report.count(f"hubspot {kind} (get_all)", len(records), summary[kind])
        if kind == "companies":
            missing = [p for p in PROPERTIES[kind] if any(p not in r.properties for r in records)]
            report.check("hubspot companies carry every property asked for", not missing, ", ".join(missing))
    searched = search_all(hub)
    report.count("hubspot companies (search, paging.next.after)", searched, summary["companies"])
    sandbox.control("POST", "/_sandbox/mutate", {"archived": 2})
    archived = hub.crm.companies.get_all(archived=True)
    report.count("hubspot archived companies (get_all archived=True)", len(archived),
                 sandbox.control("GET", "/_sandbox/summary")["archived_companies"])


def search_all(hub):
    """Every company modified since 0 through the client's search API and its paging, as the incremental sync asks."""
    found, after = 0, "0"
    while after is not None:
        request = PublicObjectSearchRequest(
            filter_groups=[{"filters": [{"propertyName": "hs_lastmodifieddate", "operator": "GTE", "value": "0"}]}],
            sorts=[{"propertyName": "hs_lastmodifieddate", "direction": "ASCENDING"}],
            properties=PROPERTIES["companies"], limit=100, after=after)
        page = hub.crm.companies.search_api.do_search(public_object_search_request=request)
        found += len(page.results)
        after = page.paging.next.after if page.paging and page.paging.next else None
    return found


def parsed_error(exception):
    """The body of a HubSpot error as the client's Error model (category, correlationId and message required)."""
    body = json.loads(exception.body)
    names = {json_name: name for name, json_name in Error.attribute_map.items()}
    return Error(**{names[key]: value for key, value in body.items() if key in names})


def errors(sandbox, report):
    wrong = client(sandbox, token="pat-na1-wrong")
    report.raises("hubspot 401 is UnauthorizedException with an Error body",
                  lambda: wrong.crm.companies.basic_api.get_page(limit=1), UnauthorizedException,
                  lambda e: e.status == 401 and parsed_error(e).category == "INVALID_AUTHENTICATION")
    hub = client(sandbox)
    # Without Retry-After: urllib3 under the client retries a 429 that has one, and the retry gets through.
    sandbox.fault("rate_limit_no_retry_after", "/crm/v3/objects/companies")
    report.raises("hubspot 429 is ApiException with an Error body",
                  lambda: hub.crm.companies.basic_api.get_page(limit=1), ApiException,
                  lambda e: e.status == 429 and parsed_error(e).category == "RATE_LIMITS")
    sandbox.fault("server_error", "/crm/v3/objects/companies")
    report.raises("hubspot 502 is ServiceException (a gateway's HTML page, as HubSpot's come)",
                  lambda: hub.crm.companies.basic_api.get_page(limit=1), ServiceException, lambda e: e.status == 502)
    report.raises("hubspot 400 is ApiException with an Error body",
                  lambda: hub.crm.companies.basic_api.get_page(limit=1, after="not-a-cursor"), ApiException,
                  lambda e: e.status == 400 and parsed_error(e).category == "VALIDATION_ERROR")


def models(sandbox, report):
    hub = client(sandbox)
    types = {SimplePublicObjectWithAssociations.attribute_map[name]: kind
             for name, kind in SimplePublicObjectWithAssociations.openapi_types.items()}
    for field, expected in READ:
        ok = types.get(field) == expected
        report.check(f"hubspot model SimplePublicObjectWithAssociations.{field} is {expected}", ok,
                     "" if ok else f"the model has {types.get(field)}")
    for kind in PROPERTIES:
        page = api(hub, kind).basic_api.get_page(limit=5, properties=PROPERTIES[kind],
                                                 associations=["companies"] if kind in ("deals", "tickets") else None)
        raw = sandbox.get(f"/crm/v3/objects/{kind}?limit=5&properties=" + ",".join(PROPERTIES[kind]),
                          {"Authorization": f"Bearer {sandbox.tokens['hubspot']}"})["results"]
        extra = sorted({key for record in raw for key in record if key not in types})
        values = all(isinstance(v, (str, type(None))) for record in raw for v in record["properties"].values())
        report.check(f"hubspot {kind}: every property value is a string or null", values)
        report.note(f"hubspot {kind}: served fields the model lacks: {', '.join(extra) or 'none'} "
                    f"({len(page.results)} records read through the model)")
