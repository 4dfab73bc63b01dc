from shop.run import total


def test_total():
    assert total([1, 2]) == 3


class TestTotal:
    def test_empty(self):
        assert total([]) == 0
