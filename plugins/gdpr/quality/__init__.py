"""Minimisation checks: what the data holds that the data map does not allow (Art. 5(1)(c), Art. 9).

``detectors`` finds special categories and identifiers in free text (pure Python);
``expectations`` wraps it as a Great Expectations expectation; ``suites`` builds the suites of a
dataset from the data map and include/expectations/; ``runner`` validates them and turns the
results into ``findings`` (dataset, row key, check, category: never the text).
"""
