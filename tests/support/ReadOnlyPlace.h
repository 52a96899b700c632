#pragma once

// Test support: a folder or file made read-only the way a user meets it
// (a workspace on a read-only share, in a folder they may not write, or a
// file without write permission).
//
// An administrator may write anywhere, whatever the permission bits say, so
// for root (CI runs as root) only a read-only mount is read-only. Suites
// that use this run under tests/support/private_mounts.sh, which gives them
// a mount namespace of their own: the bind mounts made here are seen by the
// suite and the processes it starts, and vanish with it. Anyone else simply
// loses the write permission.

#include <QFile>
#include <QFileInfo>
#include <QString>

#include <sys/mount.h>
#include <unistd.h>

namespace escdesk::testsupport {

enum class ReadOnlyBy { Mount, Permissions, Unavailable };

// How this process can make a place read-only.
inline ReadOnlyBy readOnlyMethod() {
    if (qEnvironmentVariableIntValue("ESCDESK_PRIVATE_MOUNTS") == 1) {
        return ReadOnlyBy::Mount;
    }
    return geteuid() == 0 ? ReadOnlyBy::Unavailable : ReadOnlyBy::Permissions;
}

// Makes `path` (a folder or a file) read-only for this process and its
// children; false when it cannot be done here.
inline bool makeReadOnly(const QString& path) {
    const QByteArray name = QFile::encodeName(path);
    switch (readOnlyMethod()) {
    case ReadOnlyBy::Mount:
        return ::mount(name.constData(), name.constData(), nullptr, MS_BIND, nullptr) == 0 &&
               ::mount(nullptr, name.constData(), nullptr, MS_REMOUNT | MS_BIND | MS_RDONLY,
                       nullptr) == 0;
    case ReadOnlyBy::Permissions:
        return QFile::setPermissions(
            path, QFileInfo(path).isDir() ? QFile::ReadOwner | QFile::ExeOwner : QFile::ReadOwner);
    case ReadOnlyBy::Unavailable:
        break;
    }
    return false;
}

// Undoes makeReadOnly, so that a temporary folder can be removed.
inline void makeWritableAgain(const QString& path) {
    const QByteArray name = QFile::encodeName(path);
    if (readOnlyMethod() == ReadOnlyBy::Mount) {
        ::umount(name.constData());
    } else {
        QFile::setPermissions(path, QFileInfo(path).permissions() | QFile::WriteOwner);
    }
}

// A place made read-only for as long as the object lives; declare it after
// the QTemporaryDir that holds the place, so that it is undone first.
class ReadOnlyPlace {
public:
    explicit ReadOnlyPlace(const QString& path)
        : m_path(path)
        , m_readOnly(makeReadOnly(path)) {}
    ~ReadOnlyPlace() {
        if (m_readOnly) {
            makeWritableAgain(m_path);
        }
    }
    ReadOnlyPlace(const ReadOnlyPlace&) = delete;
    ReadOnlyPlace& operator=(const ReadOnlyPlace&) = delete;

    bool isReadOnly() const { return m_readOnly; }

private:
    QString m_path;
    bool m_readOnly;
};

// A file system of `size` bytes (such as "64k") mounted on the folder `path`
// for as long as the object lives: a disk that fills up. Needs the suite's
// own mount namespace (readOnlyMethod() == ReadOnlyBy::Mount).
class SmallDisk {
public:
    SmallDisk(const QString& path, const char* size)
        : m_path(QFile::encodeName(path))
        , m_mounted(::mount("tmpfs", m_path.constData(), "tmpfs", 0,
                            (QByteArray("size=") + size).constData()) == 0) {}
    ~SmallDisk() {
        if (m_mounted) {
            ::umount(m_path.constData());
        }
    }
    SmallDisk(const SmallDisk&) = delete;
    SmallDisk& operator=(const SmallDisk&) = delete;

    bool isMounted() const { return m_mounted; }

private:
    QByteArray m_path;
    bool m_mounted;
};

} // namespace escdesk::testsupport
