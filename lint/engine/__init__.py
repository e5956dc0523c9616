"""Rule engine: loading and validating rules, configuration, running them on documents."""
