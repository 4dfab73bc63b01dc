from calc import ops


def test_add():
    assert ops.add(1, 2) == 3
