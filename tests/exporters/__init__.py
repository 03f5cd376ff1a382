"""Tests of the export formats, the importer and validation."""
