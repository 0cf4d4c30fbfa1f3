"""Articles in, articles out: what the generator adds once every article is known."""
