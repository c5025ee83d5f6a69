"""The spaCy side: model loading, the knowledge base, and our pipeline components."""
