"""Editing widgets bound to report field paths (objectName == field path).

fields: MoneyEdit, IntEdit, NumberEdit, LineField, TextField, ComboField, DateField,
ComputedField; string_list: StringListEditor; amounts_grid: AmountsGrid; record_table /
indicator_table: spreadsheet-like list editors with Excel paste; binding: the page binder.
"""
