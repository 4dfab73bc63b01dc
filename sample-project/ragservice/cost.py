"""Token and cost estimates for the language-model step that would phrase the answer."""

from __future__ import annotations

import math
from dataclasses import dataclass

# USD per one million tokens (input, output).
PRICES_PER_MILLION: dict[str, tuple[float, float]] = {
    "small": (0.15, 0.60),
    "medium": (2.50, 10.00),
    "large": (15.00, 75.00),
}


class BudgetExceeded(RuntimeError):
    pass


def estimate_tokens(text: str) -> int:
    """About four characters per token, never zero for non-empty text."""
    if not text:
        return 0
    return max(1, math.ceil(len(text) / 4))


@dataclass(frozen=True)
class CostEstimate:
    model: str
    input_tokens: int
    output_tokens: int
    usd: float


class CostEstimator:
    def __init__(self, model: str = "small", budget_usd: float | None = None) -> None:
        if model not in PRICES_PER_MILLION:
            raise ValueError(f"unknown model {model!r}; known: {', '.join(sorted(PRICES_PER_MILLION))}")
        self.model = model
        self.budget_usd = budget_usd
        self.spent_usd = 0.0

    def estimate(self, prompt: str, completion: str) -> CostEstimate:
        input_price, output_price = PRICES_PER_MILLION[self.model]
        tin, tout = estimate_tokens(prompt), estimate_tokens(completion)
        usd = (tin * input_price + tout * output_price) / 1_000_000
        return CostEstimate(self.model, tin, tout, round(usd, 8))

    def charge(self, estimate: CostEstimate) -> float:
        if self.budget_usd is not None and self.spent_usd + estimate.usd > self.budget_usd:
            raise BudgetExceeded(
                f"{self.spent_usd + estimate.usd:.6f} USD would exceed the budget of {self.budget_usd:.2f} USD"
            )
        self.spent_usd += estimate.usd
        return self.spent_usd

    @property
    def remaining_usd(self) -> float | None:
        if self.budget_usd is None:
            return None
        return max(0.0, self.budget_usd - self.spent_usd)
