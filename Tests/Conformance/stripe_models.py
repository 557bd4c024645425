"""The Sandbox's Stripe objects against stripe-python's models (typed annotations generated from Stripe's spec)."""

import typing

import stripe
from stripe._list_object import ListObject


def candidates(annotation):
    """The types an annotation allows: Optional and Union unwrapped, Literal as its values' type, forward refs and
    ExpandableField (a Union of str and the object) resolved."""
    if isinstance(annotation, typing.ForwardRef):
        annotation = annotation.__forward_arg__
    if isinstance(annotation, str):
        return candidates(getattr(stripe, annotation))
    origin = typing.get_origin(annotation)
    if origin is typing.Union:
        return [found for arg in typing.get_args(annotation) if arg is not type(None) for found in candidates(arg)]
    if origin is typing.Literal:
        return [type(typing.get_args(annotation)[0])]
    return [annotation]


def fields(model):
    """A model class's annotated fields, its bases' included (StripeObject's own left out)."""
    found = {}
    for klass in reversed(model.__mro__):
        if klass.__module__.startswith("stripe.") and klass.__name__ not in ("StripeObject", "dict", "object"):
            found.update(getattr(klass, "__annotations__", {}))
    return {name: kind for name, kind in found.items() if not name.isupper() and not name.startswith("_")}


def child(kinds, key):
    """The types the field `key` may take within a value of `kinds`; None when none of them has that field."""
    found = []
    for kind in kinds:
        origin = typing.get_origin(kind)
        if origin is ListObject or kind is ListObject:
            element = typing.get_args(kind)[0] if typing.get_args(kind) else typing.Any
            listing = {"data": [list, element], "has_more": [bool], "object": [str], "url": [str]}
            if key in listing:
                found += [("list", listing[key][1])] if key == "data" else listing[key]
        elif origin in (dict, typing.Dict) or kind is dict or kind is typing.Any:
            found.append(typing.Any)
        elif isinstance(kind, type) and hasattr(kind, "__annotations__"):
            annotations = fields(kind)
            if key in annotations:
                found += candidates(annotations[key])
    return found or None


def elements(kinds):
    """The element types of the list types among `kinds`."""
    found = []
    for kind in kinds:
        if isinstance(kind, tuple) and kind[0] == "list":
            found += candidates(kind[1])
        elif typing.get_origin(kind) in (list, typing.List):
            found += candidates(typing.get_args(kind)[0])
    return found


def lookup(model, path):
    """The types at a dotted path (`lines.data[].pricing.price_details.product`) of a model; None if missing."""
    kinds = [model]
    for part in path.split("."):
        is_list = part.endswith("[]")
        kinds = child(kinds, part.removesuffix("[]"))
        if kinds is None:
            return None
        if is_list:
            kinds = elements(kinds)
    return kinds


def accepts(kinds, expected):
    """Whether a field of these types holds a value of the expected Python type."""
    return typing.Any in kinds or any(kind is expected or typing.get_origin(kind) is expected for kind in kinds)


def unknown(value, kinds, path=""):
    """The paths of fields in a served value that its model does not have."""
    if typing.Any in kinds:
        return []
    missing = []
    if isinstance(value, dict):
        for key, item in value.items():
            below = child(kinds, key)
            where = f"{path}.{key}" if path else key
            if below is None:
                missing.append(where)
            else:
                missing += unknown(item, below, where)
    elif isinstance(value, list):
        inner = elements(kinds)
        for item in value[:3]:
            missing += unknown(item, inner, path + "[]")
    return sorted(set(missing))
