"""Raw captured text -> article drafts: split dumps, set aside boilerplate, read headline, byline and date."""
