"""Turn captured news articles into a documentary MkDocs site."""
