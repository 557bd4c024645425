"""Checks counted and printed one a line, closing with `N passed, N failed`."""


class Report:
    def __init__(self):
        self.passed = 0
        self.failed = []

    def check(self, name, ok, detail=""):
        if ok:
            self.passed += 1
            print(f"ok    {name}" + (f"  ({detail})" if detail else ""))
        else:
            self.failed.append(name)
            print(f"FAIL  {name}: {detail}")
        return ok

    def count(self, name, got, expected):
        """A stream paged through by a client: its count against the Sandbox's summary."""
        return self.check(f"{name}: {got} paged = {expected} in the summary", got == expected,
                          "" if got == expected else f"paged {got}, the summary says {expected}")

    def raises(self, name, call, error_type, test=lambda error: True):
        """`call` must raise the client's `error_type`, whose parsed fields pass `test`."""
        try:
            call()
        except error_type as error:
            try:
                ok = bool(test(error))
            except Exception as failure:  # a field the typed error should have carried is missing
                return self.check(name, False, f"{type(error).__name__} without what was expected: {failure!r}")
            first = (str(error).splitlines() or [""])[0]
            return self.check(name, ok, f"{type(error).__name__}: {first[:100]}")
        except Exception as error:
            first = (str(error).splitlines() or [""])[0]
            return self.check(name, False, f"raised {type(error).__name__} instead: {first[:160]}")
        return self.check(name, False, "raised nothing")

    def note(self, text):
        print(f"note  {text}")

    def close(self):
        print(f"conformance: {self.passed} passed, {len(self.failed)} failed")
        return 0 if not self.failed else 1
