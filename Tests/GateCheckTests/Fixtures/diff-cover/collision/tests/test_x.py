import sys
sys.path.insert(0, "src")
from pkg_a import utils as ua
from pkg_b import utils as ub
def test_a():
    assert ua.a(1) == 1
    assert ub.b(5) == 1
