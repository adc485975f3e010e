"""The RDF dataset: build, store, validate, export, network analysis. Never imports `extract`."""
