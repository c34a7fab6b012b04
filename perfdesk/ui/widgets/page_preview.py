"""The page preview: one tab per document (报告, 附件1, 附件2, 附件3-N), thumbnails, and
the page itself with zoom and page navigation.

The widget only shows: it asks for page images with ``page_wanted`` (document key, page,
dpi) and is given them with ``set_page_image`` and ``set_thumbnail``; PreviewService
renders them in its worker thread. Pages are drawn at the screen's resolution for the
current zoom, so text is sharp without keeping large images: only the shown page and a
few neighbours are held.

Keys in the page view: PgUp/PgDn or ←/→ pages, Home/End first/last, Ctrl++/Ctrl+- zoom,
Ctrl+0 fit the page, Ctrl+wheel zooms.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QImage, QKeyEvent, QPixmap, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QTabBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from perfdesk.office.documents import PrintDoc

A4_PT = (595.28, 841.89)
ZOOMS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0)
FIT_PAGE, FIT_WIDTH = "page", "width"
CACHE_PAGES = 6
THUMB_WIDTH = 96


class _PageView(QScrollArea):
    """The scroll area showing one page; forwards navigation keys and Ctrl+wheel."""

    key_pressed = Signal(object)
    zoom_wheel = Signal(int)
    resized = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("pageView")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setStyleSheet("#pageView { background: #8a8f96; }")
        self.label = QLabel()
        self.label.setObjectName("pageImage")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setStyleSheet("background: white;")
        self.setWidget(self.label)
        self.setWidgetResizable(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        nav = {Qt.Key.Key_PageDown, Qt.Key.Key_PageUp, Qt.Key.Key_Home, Qt.Key.Key_End,
               Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Plus, Qt.Key.Key_Minus,
               Qt.Key.Key_Equal, Qt.Key.Key_0}
        if Qt.Key(event.key()) in nav:
            self.key_pressed.emit(event)
            return
        super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_wheel.emit(1 if event.angleDelta().y() > 0 else -1)
            return
        super().wheelEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()


class PagePreview(QWidget):
    page_wanted = Signal(str, int, float)  # document key, 0-based page, dpi
    open_folder_requested = Signal()
    regenerate_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pagePreview")
        self.docs: list[PrintDoc] = []
        self.current_key = ""
        self.current_page = 0
        self.zoom_mode: str | float = FIT_PAGE
        self._images: OrderedDict[tuple[str, int, float], QImage] = OrderedDict()
        self._wanted: tuple[str, int, float] | None = None
        self._thumbs: dict[str, dict[int, QImage]] = {}

        # 报告已修改 banner
        self.stale = QFrame()
        self.stale.setObjectName("previewStale")
        self.stale.setStyleSheet("#previewStale { background: #fff4ce; border: 1px solid #e0c060; }")
        self.stale_text = QLabel("报告在生成之后又有修改，这里显示的是上次生成的文件。")
        self.stale_text.setWordWrap(True)
        self.regenerate = QPushButton("重新生成并预览")
        self.regenerate.setObjectName("regeneratePreview")
        self.regenerate.clicked.connect(self.regenerate_requested)
        row = QHBoxLayout(self.stale)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.stale_text, 1)
        row.addWidget(self.regenerate)
        self.stale.hide()

        # draft note
        self.draft = QLabel("草稿：报告中有错误，页面上标有“草稿”，不能作为正式报告上报。")
        self.draft.setObjectName("previewDraft")
        self.draft.setStyleSheet("color: #c62828; font-weight: bold;")
        self.draft.setWordWrap(True)
        self.draft.hide()

        # tabs and tools
        self.tabs = QTabBar()
        self.tabs.setObjectName("previewTabs")
        self.tabs.setExpanding(False)
        self.tabs.setUsesScrollButtons(True)
        self.tabs.setElideMode(Qt.TextElideMode.ElideNone)
        self.tabs.currentChanged.connect(self._tab_chosen)
        self.prev_button = self._tool("上一页", "◀", lambda: self.go_to(self.current_page - 1),
                                      "prevPage")
        self.next_button = self._tool("下一页", "▶", lambda: self.go_to(self.current_page + 1),
                                      "nextPage")
        self.page_box = QSpinBox()
        self.page_box.setObjectName("pageNumber")
        self.page_box.setMinimum(1)
        self.page_box.setKeyboardTracking(False)
        self.page_box.valueChanged.connect(lambda v: self.go_to(v - 1))
        self.page_total = QLabel("/ 0 页")
        self.zoom_out = self._tool("缩小（Ctrl+-）", "－", lambda: self.step_zoom(-1), "zoomOut")
        self.zoom_in = self._tool("放大（Ctrl++）", "＋", lambda: self.step_zoom(1), "zoomIn")
        self.fit_page = QPushButton("整页")
        self.fit_page.setObjectName("fitPage")
        self.fit_page.clicked.connect(lambda: self.set_zoom(FIT_PAGE))
        self.fit_width = QPushButton("适合宽度")
        self.fit_width.setObjectName("fitWidth")
        self.fit_width.clicked.connect(lambda: self.set_zoom(FIT_WIDTH))
        self.zoom_label = QLabel("")
        self.zoom_label.setObjectName("zoomLabel")
        self.zoom_label.setMinimumWidth(44)
        tools = QHBoxLayout()
        tools.setContentsMargins(0, 0, 0, 0)
        parts: list[QWidget] = [self.prev_button, self.page_box, self.page_total,
                                self.next_button]
        for w in parts:
            tools.addWidget(w)
        tools.addSpacing(12)
        parts = [self.zoom_out, self.zoom_label, self.zoom_in, self.fit_page, self.fit_width]
        for w in parts:
            tools.addWidget(w)
        tools.addStretch(1)

        # thumbnails and the page
        self.thumbs = QListWidget()
        self.thumbs.setObjectName("thumbnails")
        self.thumbs.setViewMode(QListView.ViewMode.IconMode)
        self.thumbs.setFlow(QListView.Flow.TopToBottom)
        self.thumbs.setWrapping(False)
        self.thumbs.setMovement(QListView.Movement.Static)
        self.thumbs.setIconSize(QSize(THUMB_WIDTH, round(THUMB_WIDTH * A4_PT[1] / A4_PT[0])))
        self.thumbs.setSpacing(4)
        self.thumbs.setFixedWidth(THUMB_WIDTH + 34)
        self.thumbs.currentRowChanged.connect(self._thumb_chosen)
        self.view = _PageView()
        self.view.key_pressed.connect(self._view_key)
        self.view.zoom_wheel.connect(self.step_zoom)
        self.view.resized.connect(self._refit)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.thumbs)
        body.addWidget(self.view, 1)
        pages_panel = QWidget()
        col = QVBoxLayout(pages_panel)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(self.tabs)
        col.addLayout(tools)
        col.addLayout(body, 1)

        # messages: nothing yet, preparing, cannot preview
        self.message = QLabel("生成报告后，在这里逐页预览报告和各个附件，确认无误后再打印。")
        self.message.setObjectName("previewMessage")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.progress = QProgressBar()
        self.progress.setObjectName("previewProgress")
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.open_folder = QPushButton("打开文件夹")
        self.open_folder.setObjectName("previewOpenFolder")
        self.open_folder.clicked.connect(self.open_folder_requested)
        self.open_folder.hide()
        msg_panel = QWidget()
        mcol = QVBoxLayout(msg_panel)
        mcol.addStretch(1)
        mcol.addWidget(self.message)
        mcol.addWidget(self.progress)
        mcol.addWidget(self.open_folder, 0, Qt.AlignmentFlag.AlignHCenter)
        mcol.addStretch(2)

        self.stack = QStackedWidget()
        self.stack.addWidget(msg_panel)
        self.stack.addWidget(pages_panel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stale)
        layout.addWidget(self.draft)
        layout.addWidget(self.stack, 1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._request_timer = QTimer(self)
        self._request_timer.setSingleShot(True)
        self._request_timer.setInterval(30)  # a burst of resizes or key presses asks once
        self._request_timer.timeout.connect(self._request)
        self._update_tools()

    def _tool(self, tip: str, text: str, slot: object, name: str) -> QToolButton:
        b = QToolButton()
        b.setText(text)
        b.setToolTip(tip)
        b.setObjectName(name)
        b.clicked.connect(slot)
        return b

    # --- states -------------------------------------------------------------------------------
    def show_message(self, text: str, *, folder_button: bool = False) -> None:
        self.docs = []
        self.tabs.blockSignals(True)
        while self.tabs.count():
            self.tabs.removeTab(0)
        self.tabs.blockSignals(False)
        self.thumbs.clear()
        self._images.clear()
        self.message.setText(text)
        self.progress.hide()
        self.open_folder.setVisible(folder_button)
        self.stack.setCurrentIndex(0)

    def show_progress(self, percent: int, text: str) -> None:
        if self.docs:  # a newer preview replaces the pages only when it is ready
            return
        self.message.setText(text)
        if percent < 0:  # a step of unknown length (LibreOffice converting): busy
            self.progress.setRange(0, 0)
        else:
            self.progress.setRange(0, 100)
            self.progress.setValue(percent)
        self.progress.show()
        self.open_folder.hide()
        self.stack.setCurrentIndex(0)

    def set_draft(self, draft: bool) -> None:
        self.draft.setVisible(draft)

    def set_stale(self, stale: bool) -> None:
        self.stale.setVisible(stale)

    def set_documents(self, docs: Sequence[PrintDoc]) -> None:
        keep = self.current_key
        self.docs = list(docs)
        self._images.clear()
        self._thumbs = {}
        self.tabs.blockSignals(True)
        while self.tabs.count():
            self.tabs.removeTab(0)
        for doc in self.docs:
            i = self.tabs.addTab(doc.label)
            self.tabs.setTabToolTip(i, f"{doc.title}（{doc.pages} 页）")
        self.tabs.blockSignals(False)
        self.stack.setCurrentIndex(1)
        keys = [d.key for d in self.docs]
        self.show_document(keep if keep in keys else (keys[0] if keys else ""))

    def doc(self, key: str | None = None) -> PrintDoc | None:
        key = self.current_key if key is None else key
        return next((d for d in self.docs if d.key == key), None)

    def show_document(self, key: str, page: int = 0) -> None:
        doc = self.doc(key)
        if doc is None:
            return
        self.current_key = key
        index = [d.key for d in self.docs].index(key)
        if self.tabs.currentIndex() != index:
            self.tabs.blockSignals(True)
            self.tabs.setCurrentIndex(index)
            self.tabs.blockSignals(False)
        self.thumbs.blockSignals(True)
        self.thumbs.clear()
        size = self.thumbs.iconSize()
        blank = QPixmap(size)
        blank.fill(Qt.GlobalColor.white)
        for n in range(doc.pages):
            item = QListWidgetItem(QIcon(blank), f"{n + 1}")
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
            self.thumbs.addItem(item)
        self.thumbs.blockSignals(False)
        for n, image in self._thumbs.get(key, {}).items():
            self._put_thumbnail(n, image)
        self.page_box.blockSignals(True)
        self.page_box.setMaximum(max(1, doc.pages))
        self.page_box.blockSignals(False)
        self.page_total.setText(f"/ {doc.pages} 页")
        self.current_page = -1
        self.go_to(page)

    def go_to(self, page: int) -> None:
        doc = self.doc()
        if doc is None or not 0 <= page < doc.pages:
            return
        changed = page != self.current_page
        self.current_page = page
        self.page_box.blockSignals(True)
        self.page_box.setValue(page + 1)
        self.page_box.blockSignals(False)
        self.thumbs.blockSignals(True)
        self.thumbs.setCurrentRow(page)
        self.thumbs.blockSignals(False)
        if changed:
            self.view.verticalScrollBar().setValue(0)
        self._show_page()

    # --- zoom -----------------------------------------------------------------------------------
    def set_zoom(self, mode: str | float) -> None:
        self.zoom_mode = mode
        self._show_page()

    def step_zoom(self, direction: int) -> None:
        current = self.zoom_factor()
        if direction > 0:
            bigger = [z for z in ZOOMS if z > current + 1e-3]
            self.set_zoom(bigger[0] if bigger else ZOOMS[-1])
        else:
            smaller = [z for z in ZOOMS if z < current - 1e-3]
            self.set_zoom(smaller[-1] if smaller else ZOOMS[0])

    def page_size_pt(self) -> tuple[float, float]:
        doc = self.doc()
        if doc is not None and 0 <= self.current_page < doc.pages:
            return doc.sizes[self.current_page]
        return A4_PT

    def zoom_factor(self) -> float:
        """Displayed size against the paper's real size at the screen's logical dpi."""
        w_pt, h_pt = self.page_size_pt()
        dpi = self.logicalDpiX() or 96
        w_px, h_px = w_pt / 72 * dpi, h_pt / 72 * dpi
        room = self.view.viewport().size()
        margin = 16
        if self.zoom_mode == FIT_PAGE:
            return max(0.05, min((room.width() - margin) / w_px, (room.height() - margin) / h_px))
        if self.zoom_mode == FIT_WIDTH:
            bar = self.view.verticalScrollBar().sizeHint().width()
            return max(0.05, (room.width() - margin - bar) / w_px)
        return float(self.zoom_mode)

    def _refit(self) -> None:
        if self.zoom_mode in (FIT_PAGE, FIT_WIDTH):
            self._show_page()

    # --- pages ----------------------------------------------------------------------------------
    def _dpi(self) -> float:
        """Render resolution for the current zoom: the screen's pixels, no more."""
        screen_dpi = (self.logicalDpiX() or 96) * self.devicePixelRatioF()
        return round(screen_dpi * self.zoom_factor(), 1)

    def _show_page(self) -> None:
        doc = self.doc()
        self._update_tools()
        if doc is None:
            return
        dpi = self._dpi()
        w_pt, h_pt = self.page_size_pt()
        ratio = self.devicePixelRatioF()
        size = QSize(round(w_pt / 72 * dpi / ratio), round(h_pt / 72 * dpi / ratio))
        key = (doc.key, self.current_page, dpi)
        image = self._images.get(key)
        if image is not None:
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(ratio)
            self.view.label.setPixmap(pixmap)
        else:  # the nearest image we have, scaled, until the sharp one arrives
            near = [(k, im) for k, im in self._images.items() if k[:2] == key[:2]]
            if near:
                pixmap = QPixmap.fromImage(near[-1][1]).scaled(
                    size * ratio, Qt.AspectRatioMode.IgnoreAspectRatio,
                    Qt.TransformationMode.SmoothTransformation)
                pixmap.setDevicePixelRatio(ratio)
                self.view.label.setPixmap(pixmap)
            else:
                self.view.label.clear()
            self._wanted = key
            self._request_timer.start()
        self.view.label.resize(size)
        self.zoom_label.setText(f"{round(self.zoom_factor() * 100)}%")

    def _request(self) -> None:
        if self._wanted is not None:
            key, page, dpi = self._wanted
            self.page_wanted.emit(key, page, dpi)

    def set_page_image(self, key: str, page: int, dpi: float, image: QImage) -> None:
        self._images[(key, page, dpi)] = image
        self._images.move_to_end((key, page, dpi))
        while len(self._images) > CACHE_PAGES:
            self._images.popitem(last=False)
        if (key, page) == (self.current_key, self.current_page):
            self._show_page()

    def set_thumbnail(self, key: str, page: int, image: QImage) -> None:
        self._thumbs.setdefault(key, {})[page] = image
        if key == self.current_key:
            self._put_thumbnail(page, image)

    def _put_thumbnail(self, page: int, image: QImage) -> None:
        if not 0 <= page < self.thumbs.count():
            return
        item = self.thumbs.item(page)
        size = self.thumbs.iconSize()
        pixmap = QPixmap.fromImage(image).scaled(size, Qt.AspectRatioMode.KeepAspectRatio,
                                                 Qt.TransformationMode.SmoothTransformation)
        item.setIcon(QIcon(pixmap))

    def thumbnail_count(self, key: str) -> int:
        return len(self._thumbs.get(key, {}))

    def has_page_image(self) -> bool:
        """The current page is shown sharp (its image at the current resolution)."""
        doc = self.doc()
        return doc is not None and (doc.key, self.current_page, self._dpi()) in self._images

    # --- events ---------------------------------------------------------------------------------
    def _tab_chosen(self, index: int) -> None:
        if 0 <= index < len(self.docs):
            self.show_document(self.docs[index].key)

    def _thumb_chosen(self, row: int) -> None:
        if row >= 0:
            self.go_to(row)

    def _view_key(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        doc = self.doc()
        if doc is None:
            return
        if key in (Qt.Key.Key_PageDown, Qt.Key.Key_Right):
            self.go_to(self.current_page + 1)
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_Left):
            self.go_to(self.current_page - 1)
        elif key == Qt.Key.Key_Home:
            self.go_to(0)
        elif key == Qt.Key.Key_End:
            self.go_to(doc.pages - 1)
        elif ctrl and key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.step_zoom(1)
        elif ctrl and key == Qt.Key.Key_Minus:
            self.step_zoom(-1)
        elif ctrl and key == Qt.Key.Key_0:
            self.set_zoom(FIT_PAGE)

    def _update_tools(self) -> None:
        doc = self.doc()
        pages = doc.pages if doc is not None else 0
        self.prev_button.setEnabled(doc is not None and self.current_page > 0)
        self.next_button.setEnabled(doc is not None and self.current_page < pages - 1)
        for w in (self.page_box, self.zoom_in, self.zoom_out, self.fit_page, self.fit_width):
            w.setEnabled(doc is not None)
