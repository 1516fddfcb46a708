"""The name flow: parse, fold, origin gate, gazetteer lookup, keys and rendering."""
