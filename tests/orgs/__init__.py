"""Generated organisations: random shapes with ground truth, for property tests."""
