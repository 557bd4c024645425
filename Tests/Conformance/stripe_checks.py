"""stripe-python (the release generated for 2025-05-28.basil) against the Sandbox's Stripe."""

import stripe

import stripe_models

PINNED = "2025-05-28.basil"

# Every field StripeSource reads (Sources/Connectors/Stripe), with the Python type its value has.
READ = {
    "Customer": [("id", str), ("name", str), ("email", str), ("created", int), ("metadata", dict)],
    "Subscription": [
        ("id", str), ("customer", str), ("created", int), ("ended_at", int), ("canceled_at", int),
        ("items.data[].quantity", int), ("items.data[].price.unit_amount", int),
        ("items.data[].price.recurring.interval", str), ("items.data[].price.recurring.interval_count", int),
    ],
    "Invoice": [
        ("id", str), ("customer", str), ("created", int), ("due_date", int), ("status_transitions.paid_at", int),
        ("amount_due", int), ("amount_paid", int), ("currency", str), ("status", str),
        ("lines.data[].pricing.price_details.product", str),
    ],
    "Charge": [
        ("id", str), ("customer", str), ("payment_intent", str), ("created", int), ("amount", int), ("currency", str),
        ("status", str), ("failure_code", str), ("disputed", bool), ("amount_refunded", int),
    ],
    "InvoicePayment": [("id", str), ("invoice", str), ("payment.payment_intent", str), ("payment.charge", str)],
    "Event": [("id", str), ("api_version", str), ("type", str), ("data.object", dict)],
    "Dispute": [("charge", str)],
}

SERVED = {"Customer": "customers", "Subscription": "subscriptions?status=all", "Invoice": "invoices",
          "Charge": "charges", "InvoicePayment": "invoice_payments", "Event": "events"}


def configure(sandbox, key=None):
    stripe.api_key = key or sandbox.tokens["stripe"]
    stripe.api_base = sandbox.base
    stripe.max_network_retries = 0


def counts(sandbox, summary, report):
    configure(sandbox)
    report.check(f"stripe-python {stripe.VERSION} pins {PINNED}", stripe.api_version == PINNED, stripe.api_version)
    for name, listing, key in [
        ("customers", lambda: stripe.Customer.list(limit=100), "customers"),
        ("subscriptions", lambda: stripe.Subscription.list(limit=100, status="all"), "subscriptions"),
        ("invoices", lambda: stripe.Invoice.list(limit=100), "invoices"),
        ("charges", lambda: stripe.Charge.list(limit=100), "charges"),
        ("invoice_payments", lambda: stripe.InvoicePayment.list(limit=100), "invoice_payments"),
    ]:
        report.count(f"stripe {name} (auto_paging_iter)", sum(1 for _ in listing().auto_paging_iter()), summary[key])
    sandbox.control("POST", "/_sandbox/mutate", {"paid": 3, "charges_refunded": 2})
    events = sum(1 for _ in stripe.Event.list(limit=100).auto_paging_iter())
    report.count("stripe events (auto_paging_iter)", events, sandbox.control("GET", "/_sandbox/summary")["events"])
    # One invoice's payments, as the connector asks for a charge seen in an event.
    charge = next(iter(stripe.Charge.list(limit=1)))
    found = stripe.InvoicePayment.list(payment={"type": "payment_intent", "payment_intent": charge.payment_intent})
    report.check("stripe invoice_payments of one PaymentIntent", len(found.data) == 1, charge.payment_intent)


def errors(sandbox, report):
    configure(sandbox)
    report.raises("stripe 401 is AuthenticationError", lambda: stripe.Customer.list(api_key="sk_test_wrong"),
                  stripe.AuthenticationError, lambda e: e.http_status == 401 and "Invalid API Key" in e.user_message)
    sandbox.fault("rate_limit", "/v1/customers")
    report.raises("stripe 429 is RateLimitError", lambda: stripe.Customer.list(), stripe.RateLimitError,
                  lambda e: e.http_status == 429 and e.error.code == "rate_limit")
    sandbox.fault("server_error", "/v1/customers")
    report.raises("stripe 500 is APIError", lambda: stripe.Customer.list(), stripe.APIError,
                  lambda e: e.http_status == 500 and e.error.type == "api_error")
    report.raises("stripe 400 is InvalidRequestError", lambda: stripe.Customer.list(limit=1000),
                  stripe.InvalidRequestError, lambda e: e.http_status == 400 and e.param == "limit")
    report.raises("stripe 404 is InvalidRequestError resource_missing", lambda: stripe.Customer.retrieve("cus_nope"),
                  stripe.InvalidRequestError, lambda e: e.http_status == 404 and e.code == "resource_missing")


def served(sandbox, path):
    """The first objects of a Sandbox listing, as raw JSON."""
    headers = {"Authorization": f"Bearer {sandbox.tokens['stripe']}", "Stripe-Version": PINNED}
    return sandbox.get(f"/v1/{path}", headers)["data"]


def checker_is_checked(report):
    """The model walk flags what basil removed, so a Sandbox serving the old shape would be caught."""
    old_invoice = {"lines": {"object": "list", "data": [{"price": {"product": "prod_1"}}]}}
    report.check("the model check flags a pre-basil invoice line's price",
                 stripe_models.unknown(old_invoice, [stripe.Invoice]) == ["lines.data[].price"])
    report.check("the model check flags a pre-basil charge's invoice",
                 stripe_models.unknown({"invoice": "in_1"}, [stripe.Charge]) == ["invoice"])
    report.check("the model check finds no pre-basil invoice line price.product",
                 stripe_models.lookup(stripe.Invoice, "lines.data[].price.product") is None)


def models(sandbox, report):
    checker_is_checked(report)
    sandbox.control("POST", "/_sandbox/mutate", {"paid": 1, "charges_disputed": 1})
    for name, checks in READ.items():
        model = getattr(stripe, name)
        for path, expected in checks:
            kinds = stripe_models.lookup(model, path)
            ok = kinds is not None and stripe_models.accepts(kinds, expected)
            report.check(f"stripe model {name}.{path} is {expected.__name__}", ok,
                         "" if ok else ("not in the model" if kinds is None else f"the model has {kinds}"))
    for name, path in SERVED.items():
        objects = served(sandbox, path + ("&" if "?" in path else "?") + "limit=5")
        missing = sorted({field for item in objects for field in stripe_models.unknown(item, [getattr(stripe, name)])})
        report.note(f"stripe {name}: served fields the model lacks: {', '.join(missing) or 'none'}")
