"""The dashboard: counts, risk heat map and the lists of what needs attention."""

from .dashboard_widget import DashboardWidget

__all__ = ["DashboardWidget"]
