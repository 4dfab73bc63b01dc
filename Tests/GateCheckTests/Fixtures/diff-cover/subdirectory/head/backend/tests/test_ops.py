from app import ops, util


def test_add():
    assert ops.add(1, 2) == 3


def test_sub():
    assert ops.sub(5, 2) == 3


def test_mul():
    assert ops.mul(3, 4) == 12


def test_clamp():
    assert util.clamp(5, 0, 3) == 3
