import pytest

from ragservice.cost import BudgetExceeded, CostEstimator, estimate_tokens


@pytest.mark.parametrize("text, tokens", [("", 0), ("a", 1), ("abcde", 2), ("x" * 400, 100)])
def test_estimate_tokens(text, tokens):
    assert estimate_tokens(text) == tokens


def test_estimate_uses_price_table():
    estimate = CostEstimator("medium").estimate("x" * 4000, "y" * 400)
    assert (estimate.input_tokens, estimate.output_tokens) == (1000, 100)
    assert estimate.usd == pytest.approx((1000 * 2.5 + 100 * 10.0) / 1_000_000)


def test_unknown_model():
    with pytest.raises(ValueError, match="unknown model 'huge'"):
        CostEstimator("huge")


def test_budget_is_enforced():
    costs = CostEstimator("large", budget_usd=0.01)
    estimate = costs.estimate("x" * 4000, "")
    assert estimate.usd == pytest.approx(0.015)
    with pytest.raises(BudgetExceeded, match="would exceed the budget of 0.01 USD"):
        costs.charge(estimate)
    assert costs.spent_usd == 0.0
    assert costs.remaining_usd == pytest.approx(0.01)
    assert CostEstimator().remaining_usd is None
