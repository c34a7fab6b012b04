"""The office programs the machine has (LibreOffice; Word or WPS on Windows): turning the
written report and 附件 into PDF. No Qt; the GUI and the command line both call it."""
