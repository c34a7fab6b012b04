"""PerfDesk: 部门整体支出绩效自评报告的录入、审核与生成。"""

__version__ = "0.1.0"
APP_NAME = "PerfDesk"
APP_TITLE = "PerfDesk 绩效自评报告助手"
