"""A module that cannot be imported: pytest reports a collection error for it."""

import this_module_does_not_exist  # noqa: F401


def test_never_collected():
    pass
