"""Help inside the program: the guide and the rules' explanations (window), 规则说明 on the
views that list rule IDs (rule_links), and the guide as a PDF (pdf)."""
