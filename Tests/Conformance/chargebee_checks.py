"""chargebee-python (v3) against the Sandbox's Chargebee API v2."""

import dataclasses
import typing

import chargebee
from chargebee.api_error import APIError, InvalidRequestError, OperationFailedError
from chargebee.models.customer.responses import CustomerResponse
from chargebee.models.invoice.responses import InvoiceResponse
from chargebee.models.subscription.responses import SubscriptionResponse

# Every field ChargebeeSource reads (Sources/Connectors/Chargebee), with its Python type.
READ = {
    "customer": (CustomerResponse, [("id", str), ("first_name", str), ("last_name", str), ("email", str),
                                    ("company", str), ("created_at", int), ("deleted", bool)]),
    "subscription": (SubscriptionResponse, [
        ("id", str), ("customer_id", str), ("status", str), ("started_at", int), ("created_at", int),
        ("cancelled_at", int), ("mrr", int), ("billing_period", int), ("billing_period_unit", str),
        ("subscription_items[].item_type", str), ("subscription_items[].quantity", int),
        ("subscription_items[].unit_price", int), ("subscription_items[].amount", int), ("plan_unit_price", int),
        ("plan_quantity", int), ("plan_amount", int), ("addons[].quantity", int), ("addons[].unit_price", int),
        ("deleted", bool)]),
    "invoice": (InvoiceResponse, [
        ("id", str), ("customer_id", str), ("date", int), ("due_date", int), ("paid_at", int), ("total", int),
        ("amount_paid", int), ("currency_code", str), ("status", str), ("line_items[].entity_id", str),
        ("deleted", bool)]),
}


def client(sandbox, key=None):
    # The client builds PROTOCOL://SITE.DOMAIN/api/v2: site "127.0.0" and domain "1:PORT" make the Sandbox's URL.
    # protocol="http" clears verify_ca_certs on the instance, but requests read the class's (3.29.0), which would
    # still make them https.
    chargebee.Chargebee.verify_ca_certs = False
    return chargebee.Chargebee(api_key=key or sandbox.tokens["chargebee"], site="127.0.0",
                               chargebee_domain=f"1:{sandbox.port}", protocol="http")


def page_all(listing):
    """Every entry of a listing, following `next_offset` into `offset` as the client's docs page."""
    entries, offset = [], None
    while True:
        params = {"limit": 100, **({"offset": offset} if offset else {})}
        result = listing(params)
        entries += result.list
        offset = result.next_offset
        if not offset:
            return entries


def counts(sandbox, summary, report):
    cb = client(sandbox)
    for name, listing, key in [
        ("customers", cb.Customer.list, "chargebee_customers"),
        ("subscriptions", cb.Subscription.list, "chargebee_subscriptions"),
        ("invoices", cb.Invoice.list, "chargebee_invoices"),
    ]:
        report.count(f"chargebee {name} (list with offset)", len(page_all(listing)), summary[key])
    sandbox.control("POST", "/_sandbox/mutate", {"chargebee_deleted": 2})
    after = sandbox.summary()
    deleted = page_all(lambda params: cb.Customer.list({**params, "include_deleted": True}))
    report.count("chargebee customers with include_deleted=True", len(deleted),
                 after["chargebee_customers"] + after["chargebee_deleted_customers"])
    report.check("chargebee's deleted customers are listed", after["chargebee_deleted_customers"] >= 2)


def errors(sandbox, report):
    wrong = client(sandbox, key="test_wrong")
    report.raises("chargebee 401 is APIError api_authentication_failed", lambda: wrong.Customer.list({"limit": 1}),
                  APIError, lambda e: e.http_status_code == 401 and e.api_error_code == "api_authentication_failed")
    cb = client(sandbox)
    sandbox.fault("rate_limit", "/api/v2/customers")
    report.raises("chargebee 429 is OperationFailedError", lambda: cb.Customer.list({"limit": 1}), OperationFailedError,
                  lambda e: e.http_status_code == 429 and e.api_error_code == "api_request_limit_exceeded")
    sandbox.fault("server_error", "/api/v2/customers")
    report.raises("chargebee 503 is OperationFailedError", lambda: cb.Customer.list({"limit": 1}), OperationFailedError,
                  lambda e: e.http_status_code == 503 and e.api_error_code == "internal_temporary_error")
    report.raises("chargebee 400 is InvalidRequestError", lambda: cb.Customer.list({"limit": 1, "offset": "garbled"}),
                  InvalidRequestError, lambda e: e.http_status_code == 400 and e.param == "offset")


def field_types(model):
    return {field.name: field.type for field in dataclasses.fields(model)}


def lookup(model, path):
    """The annotated type at a path of a response dataclass (`subscription_items[].amount`); None if missing."""
    kind = model
    for part in path.split("."):
        name = part.removesuffix("[]")
        if not dataclasses.is_dataclass(kind) or name not in field_types(kind):
            return None
        kind = field_types(kind)[name]
        if part.endswith("[]"):
            kind = typing.get_args(kind)[0] if typing.get_args(kind) else typing.Any
    return kind


def unknown(value, model, path=""):
    if not dataclasses.is_dataclass(model) or not isinstance(value, dict):
        return []
    types = field_types(model)
    missing = []
    for key, item in value.items():
        where = f"{path}.{key}" if path else key
        if key not in types:
            missing.append(where)
            continue
        kind = types[key]
        if isinstance(item, list) and typing.get_args(kind):
            for element in item[:3]:
                missing += unknown(element, typing.get_args(kind)[0], where + "[]")
        else:
            missing += unknown(item, kind, where)
    return sorted(set(missing))


def models(sandbox, report):
    for name, (model, checks) in READ.items():
        for path, expected in checks:
            kind = lookup(model, path)
            ok = kind is expected
            report.check(f"chargebee model {model.__name__}.{path} is {expected.__name__}", ok,
                         "" if ok else "not in the model" if kind is None else f"the model has {kind}")
    import base64
    auth = base64.b64encode(f"{sandbox.tokens['chargebee']}:".encode()).decode()
    for name, (model, _) in READ.items():
        listing = sandbox.get(f"/api/v2/{name}s?limit=5", {"Authorization": f"Basic {auth}"})["list"]
        missing = sorted({field for entry in listing for field in unknown(entry[name], model)})
        report.note(f"chargebee {name}: served fields the model lacks: {', '.join(missing) or 'none'}")
