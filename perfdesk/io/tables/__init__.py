"""Figures from the unit's 部门决算/预算 tables (.xls, .xlsx, web exports): profiles, the
matcher, the importer and its preview. See docs/tables.md."""
