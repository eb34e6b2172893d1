"""Place names to places: keys (names), the offline index (gazetteer), the score (ranking), the resolver."""
