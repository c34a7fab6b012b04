"""The reviewer's window (审核多个单位) over perfdesk.review."""
