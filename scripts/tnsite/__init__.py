"""The Tây Ninh site's own tooling: what the stock MkDocs stack lacks, as one tested package."""
