import ragas, json, math
from ragas import EvaluationDataset, evaluate
from ragas.metrics import NonLLMStringSimilarity, BleuScore, RougeScore, ExactMatch, NonLLMContextPrecisionWithReference
print("ragas", ragas.__version__)
samples = [
    {"user_input": "How do I reset my password?", "response": "Open Settings, then Account, and choose Reset password.",
     "reference": "Go to Settings > Account and choose Reset password.",
     "retrieved_contexts": ["To reset your password, open Settings > Account and choose Reset password.", "Billing happens monthly."],
     "reference_contexts": ["To reset your password, open Settings > Account and choose Reset password."]},
    {"user_input": "Can I get a refund after 30 days?", "response": "No, refunds are only possible within 14 days.",
     "reference": "Refunds are possible within 14 days of purchase.",
     "retrieved_contexts": ["Our office is in Berlin.", "Refunds are possible within 14 days of purchase."],
     "reference_contexts": ["Refunds are possible within 14 days of purchase."]},
    {"user_input": "Which plans include SSO?", "response": "Enterprise",
     "reference": "Enterprise",
     "retrieved_contexts": ["SSO, \"SAML\" and SCIM are part of the Enterprise plan.\nOther plans do not include it."],
     "reference_contexts": ["SSO, \"SAML\" and SCIM are part of the Enterprise plan.\nOther plans do not include it."]},
    {"user_input": "Is there an API rate limit?", "response": "I don't know.",
     "reference": "Yes: 600 requests per minute per token.",
     "retrieved_contexts": ["Our office is in Berlin."],
     "reference_contexts": ["The API allows 600 requests per minute per token."]},
]
ds = EvaluationDataset.from_list(samples)
metrics = [NonLLMStringSimilarity(), BleuScore(), RougeScore(), ExactMatch(), NonLLMContextPrecisionWithReference()]
result = evaluate(ds, metrics=metrics, show_progress=False)
print(result)
df = result.to_pandas()
df.to_csv("ragas-eval.csv")
df.to_json("ragas-eval.records.json", orient="records")
df.to_json("ragas-eval.columns.json")
with open("ragas-scores.json", "w") as f:
    json.dump(result.scores, f)
print(repr(result._repr_dict))
json.dump({"ragas": ragas.__version__, "means": result._repr_dict}, open("ragas-eval.summary.json", "w"), indent=2)
print(df.columns.tolist())
