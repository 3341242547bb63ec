"""All-or-nothing writing of a set of files with personal data into a folder.

Files are first written into a private staging folder (0700, files 0600) on the same file system
as the target, named ``.tilsyn-staging-<pid>-<random>`` so a later run can tell whose it is.
Only when every file is written are they moved into place:

- a target folder that does not exist yet appears with one atomic rename, complete;
- into an existing folder each file is renamed after a check that every rename can succeed;
  a file it replaces is kept in the staging folder until the end, so a failure puts everything
  back as it was.

The staging folder is removed when the work ends, however it ends. A process killed in the
middle (kill -9, power loss) leaves it behind: ``remove_stale`` removes such folders (their
process is gone), and every export calls it first.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import threading
import time
from pathlib import Path, PurePosixPath

PREFIX = ".tilsyn-staging-"
_NAME = re.compile(r"^\.tilsyn-staging-(\d+)-")
# Earlier versions staged in ".tilsyn-eksport-2026-03.tmp" and left it behind when killed.
_OLD_NAME = re.compile(r"^\.tilsyn-eksport-\d{4}-\d{2}\.tmp$")
#: A staging folder this old is stale even if its process id is in use again (no export takes a day).
MAX_AGE_SECONDS = 24 * 3600
FILE_MODE = 0o600
DIR_MODE = 0o700

_active: set[str] = set()
_active_lock = threading.Lock()


def write_private(path: Path, data: bytes) -> None:
    """Write a new file readable by its owner only (0600 on POSIX)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags, FILE_MODE)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)


def replace_private(path: str | os.PathLike, data: bytes) -> None:
    """Write ``path`` (new or replacing a file) readable by its owner only: the bytes go to a
    private file beside it first, which then takes its place in one rename."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
        finally:
            os.close(fd)
        if os.name == "posix":
            os.chmod(tmp, FILE_MODE)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _mkdir_private(path: Path) -> None:
    path.mkdir(mode=DIR_MODE)
    if os.name == "posix":
        os.chmod(path, DIR_MODE)  # mkdir's mode is narrowed by the umask, never widened; be exact


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if os.name == "nt":  # pragma: no cover - exercised on Windows only
        import ctypes

        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        try:
            code = ctypes.c_ulong()
            return bool(kernel32.GetExitCodeProcess(handle, ctypes.byref(code))) and code.value == 259
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def is_stale(path: Path, *, now: float | None = None) -> bool:
    """True when ``path`` is a staging folder no running export owns."""
    name = path.name
    if _OLD_NAME.match(name):
        return True
    match = _NAME.match(name)
    if not match:
        return False
    with _active_lock:
        if str(path) in _active:
            return False
    pid = int(match.group(1))
    if pid == os.getpid() or not _pid_alive(pid):
        return True
    try:
        age = (time.time() if now is None else now) - path.lstat().st_mtime
    except OSError:
        return False
    return age > MAX_AGE_SECONDS


def remove_stale(folder: str | os.PathLike) -> list[Path]:
    """Remove the staging folders in ``folder`` that a killed export left behind; returns them."""
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not entry.name.startswith((PREFIX, ".tilsyn-eksport-")):
            continue
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            continue
        if is_dir and is_stale(path):
            shutil.rmtree(path, ignore_errors=True)
            if not path.exists():
                removed.append(path)
    return removed


def anchor_for(target: Path) -> Path:
    """Where to stage for ``target``: the folder itself when it exists, else its nearest existing
    ancestor (the same file system, so renames are atomic)."""
    target = Path(os.path.abspath(target))
    if target.is_dir():
        return target
    for parent in target.parents:
        if parent.is_dir():
            return parent
    return Path(target.anchor or os.sep)


class Staging:
    """A private folder to write a set of files into, then publish them into ``target`` at once.

    Use as a context manager; the staging folder is removed on exit, published or not.
    """

    def __init__(self, target: str | os.PathLike) -> None:
        self.target = Path(os.path.abspath(target))
        self.anchor = anchor_for(self.target)
        self.root: Path | None = None
        self.files: list[str] = []
        self._undo: list = []

    # -- lifecycle --------------------------------------------------------------------------------
    def __enter__(self) -> Staging:
        return self.open()

    def open(self) -> Staging:
        """Create the private staging folder (OSError when the place is not writable)."""
        self.root = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-", dir=self.anchor))
        with _active_lock:
            _active.add(str(self.root))
        try:
            _mkdir_private(self.tree)
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Remove the staging folder (and whatever it still holds)."""
        if self.root is None:
            return
        shutil.rmtree(self.root, ignore_errors=True)
        with _active_lock:
            _active.discard(str(self.root))
        self.root = None
        self._undo.clear()

    @property
    def tree(self) -> Path:
        assert self.root is not None
        return self.root / "t"

    # -- writing ---------------------------------------------------------------------------------
    def write(self, rel: str, data: bytes) -> None:
        """Stage one file at ``rel`` (a relative POSIX path) below the target."""
        parts = PurePosixPath(rel).parts
        if not parts or PurePosixPath(rel).is_absolute() or any(p in ("..", ".") for p in parts) or "\\" in rel:
            raise ValueError(f"not a path below the target: {rel!r}")
        path = self.tree.joinpath(*parts)
        parent = path.parent
        missing = []
        while parent != self.tree and not parent.exists():
            missing.append(parent)
            parent = parent.parent
        for folder in reversed(missing):
            _mkdir_private(folder)
        write_private(path, data)
        self.files.append(rel)

    # -- publishing ------------------------------------------------------------------------------
    def publish(self) -> None:
        """Move every staged file into the target; on any failure nothing of it is left there."""
        if not self.target.exists() and not self.target.is_symlink():
            self._publish_new()
        else:
            self._publish_into()

    def _publish_new(self) -> None:
        # tree becomes target; missing folders between the anchor and the target come along in
        # the same rename: stage them around the tree, then rename the outermost one.
        rel = self.target.relative_to(self.anchor)
        holder = self.root / "h"
        _mkdir_private(holder)
        inner = holder / rel
        parent = holder
        for part in rel.parts[:-1]:
            parent = parent / part
            _mkdir_private(parent)
        os.rename(self.tree, inner)
        top = rel.parts[0]
        os.rename(holder / top, self.anchor / top)
        self._undo.append(("new", self.anchor / top, holder / top))

    def _publish_into(self) -> None:
        if not self.target.is_dir():
            raise NotADirectoryError(f"not a folder: {self.target}")
        made: set[Path] = set()
        for rel in self.files:
            target = self.target / rel
            folder = target.parent
            while folder != self.target:
                if folder.exists() and not folder.is_dir():
                    raise NotADirectoryError(f"not a folder: {folder}")
                folder = folder.parent
            if target.is_dir() and not target.is_symlink():
                raise IsADirectoryError(f"a folder: {target}")
        backup = self.root / "b"
        _mkdir_private(backup)
        try:
            for rel in self.files:
                target = self.target / rel
                missing = []
                folder = target.parent
                while folder != self.target and not folder.exists():
                    missing.append(folder)
                    folder = folder.parent
                for folder in reversed(missing):
                    _mkdir_private(folder)
                    made.add(folder)
                    self._undo.append(("dir", folder, None))
                if os.path.lexists(target):
                    kept = backup / rel
                    kept.parent.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
                    os.replace(target, kept)
                    self._undo.append(("kept", target, kept))
                os.replace(self.tree / rel, target)
                self._undo.append(("moved", target, self.tree / rel))
        except BaseException:
            self.unpublish()
            raise

    def unpublish(self) -> None:
        """Undo ``publish`` (before ``close``): the target is as it was before."""
        while self._undo:
            kind, path, other = self._undo.pop()
            try:
                if kind == "new":
                    os.rename(path, other)
                elif kind == "moved":
                    os.replace(path, other)
                elif kind == "kept":
                    os.replace(other, path)
                elif kind == "dir":
                    path.rmdir()
            except OSError:
                pass
