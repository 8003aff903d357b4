// A test-only SQLite VFS that simulates power loss: a shim over the default VFS that remembers,
// per file, every write not yet synced, and on PowerLoss() throws them all away (and tears the
// last one) as a disk whose power is cut would.
//
// SQLite's own crash tests (src/test6.c, the "crash" VFS) keep unsynced writes in memory and
// on a simulated crash write a random part of them. This shim does the same the other way
// round, which keeps reads trivially correct: each write goes through to the real file at once,
// and the bytes it overwrote (its before-image) are kept until the file's next xSync. Power
// loss restores every before-image newest first and truncates the file to its size at its last
// sync, so the file holds exactly what was synced; then the newest unsynced write is put back
// in part (its first half) — a torn page, as a write interrupted mid-sector leaves it. From
// that moment every write, sync, truncate and delete fails with SQLITE_IOERR and changes
// nothing, so no later COMMIT can succeed (and be acknowledged) after the power went.
//
// xSync does not call the real fsync: durability is defined by this shim, which keeps the test
// fast and independent of the machine's disk. The shared-memory methods (the WAL index) pass
// through; after a power loss the test deletes the -shm file, whose content a real reboot does
// not keep either, and SQLite rebuilds it from the log.
//
// `drop_syncs` makes every sync a lie (the disk acknowledges and keeps nothing), the way
// `PRAGMA synchronous=OFF` never asks for one: the test that uses the shim must then find lost
// submissions, which proves it can fail.
//
// Usage: CrashVfs vfs; vfs.Register() (as SQLite's default VFS, so that storage::Database uses
// it unchanged); ...; vfs.PowerLoss(); close every connection; vfs.Unregister().
#pragma once

#include <sqlite3.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace plenary::testing {

class CrashVfs {
 public:
  CrashVfs() = default;
  CrashVfs(const CrashVfs&) = delete;
  CrashVfs& operator=(const CrashVfs&) = delete;
  ~CrashVfs() { Unregister(); }

  // Makes this VFS SQLite's default (connections opened afterwards use it).
  void Register() {
    real_ = sqlite3_vfs_find(nullptr);
    std::memset(&vfs_, 0, sizeof vfs_);
    vfs_.iVersion = 1;
    vfs_.szOsFile = static_cast<int>(sizeof(File)) + real_->szOsFile;
    vfs_.mxPathname = real_->mxPathname;
    vfs_.zName = "plenary-crash";
    vfs_.pAppData = this;
    vfs_.xOpen = &Open;
    vfs_.xDelete = &Delete;
    vfs_.xAccess = [](sqlite3_vfs* v, const char* name, int flags, int* out) {
      return Self(v)->real_->xAccess(Self(v)->real_, name, flags, out);
    };
    vfs_.xFullPathname = [](sqlite3_vfs* v, const char* name, int n, char* out) {
      return Self(v)->real_->xFullPathname(Self(v)->real_, name, n, out);
    };
    vfs_.xDlOpen = nullptr;
    vfs_.xRandomness = [](sqlite3_vfs* v, int n, char* out) {
      return Self(v)->real_->xRandomness(Self(v)->real_, n, out);
    };
    vfs_.xSleep = [](sqlite3_vfs* v, int us) { return Self(v)->real_->xSleep(Self(v)->real_, us); };
    vfs_.xCurrentTime = [](sqlite3_vfs* v, double* out) {
      return Self(v)->real_->xCurrentTime(Self(v)->real_, out);
    };
    vfs_.xGetLastError = [](sqlite3_vfs* v, int n, char* out) {
      return Self(v)->real_->xGetLastError(Self(v)->real_, n, out);
    };
    SetMethods();
    sqlite3_vfs_register(&vfs_, 1);
    registered_ = true;
  }

  // Gives the default back to the VFS that had it. Call after every connection is closed.
  void Unregister() {
    if (!registered_) return;
    sqlite3_vfs_unregister(&vfs_);
    sqlite3_vfs_register(real_, 1);
    registered_ = false;
  }

  // From now on, syncs keep nothing (see the header comment).
  void DropSyncs() {
    std::lock_guard lock(mu_);
    drop_syncs_ = true;
  }

  // Cuts the power during the `n`-th write from now (n >= 1), which is torn. As SQLite's crash
  // tests do, the moment is chosen by counting writes, so the cut always falls on a write.
  void PowerLossAtWrite(int n) {
    std::lock_guard lock(mu_);
    countdown_ = n;
  }

  // Cuts the power now: the files go back to what was synced, the newest unsynced write is torn,
  // and nothing written afterwards reaches them.
  void PowerLoss() {
    std::lock_guard lock(mu_);
    PowerLossLocked();
  }

  bool powered_off() {
    std::lock_guard lock(mu_);
    return powered_off_;
  }
  // Unsynced writes thrown away by the power loss.
  std::size_t lost_writes() {
    std::lock_guard lock(mu_);
    return lost_;
  }

 private:
  void PowerLossLocked() {
    powered_off_ = true;
    // The newest unsynced write of any file: torn rather than lost whole.
    const Undo* newest = nullptr;
    std::string newest_path;
    for (auto& [path, state] : files_) {
      lost_ += state.undo.size();
      if (!state.undo.empty() && (!newest || state.undo.back().seq > newest->seq)) {
        newest = &state.undo.back();
        newest_path = path;
      }
    }
    for (auto& [path, state] : files_) {
      if (state.undo.empty()) continue;
      // Any real handle of the path will do; a file no connection holds open is opened here.
      std::vector<char> own;
      sqlite3_file* f = state.handles.empty() ? nullptr : state.handles.front();
      if (f == nullptr) {
        own.resize(static_cast<std::size_t>(real_->szOsFile));
        f = reinterpret_cast<sqlite3_file*>(own.data());
        int out = 0;
        if (real_->xOpen(real_, path.c_str(), f, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MAIN_DB,
                         &out) != SQLITE_OK)
          continue;
      }
      for (auto it = state.undo.rbegin(); it != state.undo.rend(); ++it)
        if (!it->before.empty())
          f->pMethods->xWrite(f, it->before.data(), static_cast<int>(it->before.size()),
                              it->offset);
      f->pMethods->xTruncate(f, state.synced_size);
      if (path == newest_path && newest->after.size() > 1) {
        // Half of it, in whole 512-byte sectors when it spans several.
        std::size_t keep = newest->after.size() / 2;
        if (keep >= 512) keep -= keep % 512;
        f->pMethods->xWrite(f, newest->after.data(), static_cast<int>(keep), newest->offset);
        torn_ = true;
      }
      if (!own.empty()) f->pMethods->xClose(f);
      state.undo.clear();
    }
  }

 public:

  // Whether PowerLoss() tore a write (it does whenever any write was unsynced).
  bool torn() {
    std::lock_guard lock(mu_);
    return torn_;
  }
  // Syncs seen (the test checks the database asked for them).
  std::uint64_t syncs() {
    std::lock_guard lock(mu_);
    return syncs_;
  }

 private:
  struct Undo {
    std::uint64_t seq;
    sqlite3_int64 offset;
    std::string before;  // the bytes the write replaced (shorter when it extended the file)
    std::string after;   // what it wrote (kept for tearing)
  };
  struct FileState {
    std::vector<Undo> undo;        // unsynced writes, oldest first
    sqlite3_int64 synced_size = 0;
    std::vector<sqlite3_file*> handles;  // the real handles open on the path
  };
  struct File {
    sqlite3_file base;
    CrashVfs* vfs;
    std::string* path;  // key of files_; null for temporary files (not tracked)
    sqlite3_file* real() { return reinterpret_cast<sqlite3_file*>(this + 1); }
  };

  void SetMethods() {
    // Version 2 keeps the shared-memory methods (WAL) and leaves out memory mapping.
    methods_.iVersion = 2;
    methods_.xClose = &Close;
    methods_.xRead = [](sqlite3_file* file, void* buf, int n, sqlite3_int64 off) {
      return F(file)->real()->pMethods->xRead(F(file)->real(), buf, n, off);
    };
    methods_.xWrite = &Write;
    methods_.xTruncate = &Truncate;
    methods_.xSync = &Sync;
    methods_.xFileSize = [](sqlite3_file* file, sqlite3_int64* n) {
      return F(file)->real()->pMethods->xFileSize(F(file)->real(), n);
    };
    methods_.xLock = [](sqlite3_file* file, int l) {
      return F(file)->real()->pMethods->xLock(F(file)->real(), l);
    };
    methods_.xUnlock = [](sqlite3_file* file, int l) {
      return F(file)->real()->pMethods->xUnlock(F(file)->real(), l);
    };
    methods_.xCheckReservedLock = [](sqlite3_file* file, int* out) {
      return F(file)->real()->pMethods->xCheckReservedLock(F(file)->real(), out);
    };
    methods_.xFileControl = [](sqlite3_file* file, int op, void* arg) {
      return F(file)->real()->pMethods->xFileControl(F(file)->real(), op, arg);
    };
    methods_.xSectorSize = [](sqlite3_file* file) {
      return F(file)->real()->pMethods->xSectorSize(F(file)->real());
    };
    methods_.xDeviceCharacteristics = [](sqlite3_file* file) {
      // No promise of atomic or ordered writes: the torn page must be possible.
      return F(file)->real()->pMethods->xDeviceCharacteristics(F(file)->real()) &
             SQLITE_IOCAP_POWERSAFE_OVERWRITE;
    };
    methods_.xShmMap = [](sqlite3_file* file, int pg, int sz, int extend,
                                void volatile** out) {
      return F(file)->real()->pMethods->xShmMap(F(file)->real(), pg, sz, extend, out);
    };
    methods_.xShmLock = [](sqlite3_file* file, int off, int n, int flags) {
      return F(file)->real()->pMethods->xShmLock(F(file)->real(), off, n, flags);
    };
    methods_.xShmBarrier = [](sqlite3_file* file) {
      F(file)->real()->pMethods->xShmBarrier(F(file)->real());
    };
    methods_.xShmUnmap = [](sqlite3_file* file, int del) {
      return F(file)->real()->pMethods->xShmUnmap(F(file)->real(), del);
    };
  }

  static CrashVfs* Self(sqlite3_vfs* v) { return static_cast<CrashVfs*>(v->pAppData); }
  static File* F(sqlite3_file* f) { return reinterpret_cast<File*>(f); }

  static sqlite3_int64 SizeOf(sqlite3_file* real) {
    sqlite3_int64 n = 0;
    real->pMethods->xFileSize(real, &n);
    return n;
  }

  // Remembers what [offset, offset+n) holds now, before it changes. Under mu_.
  void RecordBefore(FileState& s, sqlite3_file* real, sqlite3_int64 offset, std::size_t n,
                    const void* after) {
    Undo u{++seq_, offset, {}, {}};
    sqlite3_int64 size = SizeOf(real);
    if (offset < size) {
      u.before.resize(static_cast<std::size_t>(std::min<sqlite3_int64>(n, size - offset)));
      real->pMethods->xRead(real, u.before.data(), static_cast<int>(u.before.size()), offset);
    }
    if (after) u.after.assign(static_cast<const char*>(after), n);
    s.undo.push_back(std::move(u));
  }

  static int Open(sqlite3_vfs* v, const char* name, sqlite3_file* file, int flags, int* out) {
    CrashVfs* self = Self(v);
    File* f = F(file);
    f->vfs = self;
    f->path = nullptr;
    int rc = self->real_->xOpen(self->real_, name, f->real(), flags, out);
    if (rc != SQLITE_OK) {
      f->base.pMethods = nullptr;
      return rc;
    }
    if (name != nullptr) {
      std::lock_guard lock(self->mu_);
      auto [it, fresh] = self->files_.try_emplace(name);
      // A file that exists when first opened is taken as already on the disk.
      if (fresh) it->second.synced_size = SizeOf(f->real());
      it->second.handles.push_back(f->real());
      f->path = const_cast<std::string*>(&it->first);
    }
    f->base.pMethods = &self->methods_;
    return SQLITE_OK;
  }

  static int Close(sqlite3_file* file) {
    File* f = F(file);
    if (f->path) {
      // Unsynced writes stay remembered: a later handle of the path, or PowerLoss, undoes them.
      std::lock_guard lock(f->vfs->mu_);
      auto& handles = f->vfs->files_[*f->path].handles;
      handles.erase(std::remove(handles.begin(), handles.end(), f->real()), handles.end());
    }
    return f->real()->pMethods->xClose(f->real());
  }

  static int Write(sqlite3_file* file, const void* buf, int n, sqlite3_int64 off) {
    File* f = F(file);
    CrashVfs* self = f->vfs;
    std::lock_guard lock(self->mu_);
    if (self->powered_off_) return SQLITE_IOERR_WRITE;
    if (f->path) {
      FileState& s = self->files_[*f->path];
      self->RecordBefore(s, f->real(), off, static_cast<std::size_t>(n), buf);
    }
    int rc = f->real()->pMethods->xWrite(f->real(), buf, n, off);
    if (self->countdown_ > 0 && --self->countdown_ == 0) {
      self->PowerLossLocked();  // this write is the newest: it is torn
      return SQLITE_IOERR_WRITE;
    }
    return rc;
  }

  static int Truncate(sqlite3_file* file, sqlite3_int64 size) {
    File* f = F(file);
    CrashVfs* self = f->vfs;
    std::lock_guard lock(self->mu_);
    if (self->powered_off_) return SQLITE_IOERR_TRUNCATE;
    if (f->path) {
      FileState& s = self->files_[*f->path];
      sqlite3_int64 now = SizeOf(f->real());
      if (size < now)
        self->RecordBefore(s, f->real(), size, static_cast<std::size_t>(now - size), nullptr);
    }
    return f->real()->pMethods->xTruncate(f->real(), size);
  }

  static int Sync(sqlite3_file* file, int) {
    File* f = F(file);
    CrashVfs* self = f->vfs;
    std::lock_guard lock(self->mu_);
    if (self->powered_off_) return SQLITE_IOERR_FSYNC;
    ++self->syncs_;
    if (f->path && !self->drop_syncs_) {
      FileState& s = self->files_[*f->path];
      s.undo.clear();
      s.synced_size = SizeOf(f->real());
    }
    return SQLITE_OK;
  }

  static int Delete(sqlite3_vfs* v, const char* name, int dir_sync) {
    CrashVfs* self = Self(v);
    std::lock_guard lock(self->mu_);
    if (self->powered_off_) return SQLITE_IOERR_DELETE;
    // A path still open elsewhere keeps its entry (its handles point at the key).
    if (auto it = self->files_.find(name); it != self->files_.end()) {
      if (it->second.handles.empty())
        self->files_.erase(it);
      else
        it->second = FileState{{}, 0, it->second.handles};
    }
    return self->real_->xDelete(self->real_, name, dir_sync);
  }

  sqlite3_vfs* real_ = nullptr;
  sqlite3_vfs vfs_{};
  sqlite3_io_methods methods_{};
  bool registered_ = false;
  std::mutex mu_;
  std::map<std::string, FileState> files_;  // by path as SQLite names it
  std::uint64_t seq_ = 0, syncs_ = 0;
  std::size_t lost_ = 0;
  int countdown_ = 0;
  bool powered_off_ = false, drop_syncs_ = false, torn_ = false;
};

}  // namespace plenary::testing
