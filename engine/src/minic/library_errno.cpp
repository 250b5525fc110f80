// <errno.h>'s errno, string.h's strerror and stdio.h's perror, as glibc 2.36 has them.
// errno is an int in the program's static data (glibc keeps one per thread; MiniC has one
// thread), so every use of it is a load or store of simulated memory, as in a real run.
#include <algorithm>
#include <string>

#include "library_impl.hpp"

namespace memsim::minic {
namespace {

// glibc's messages for codes 0 to 133 ("" where it has none).
constexpr std::string_view messages[error_message_count] = {
    "Success",
    "Operation not permitted",
    "No such file or directory",
    "No such process",
    "Interrupted system call",
    "Input/output error",
    "No such device or address",
    "Argument list too long",
    "Exec format error",
    "Bad file descriptor",
    "No child processes",
    "Resource temporarily unavailable",
    "Cannot allocate memory",
    "Permission denied",
    "Bad address",
    "Block device required",
    "Device or resource busy",
    "File exists",
    "Invalid cross-device link",
    "No such device",
    "Not a directory",
    "Is a directory",
    "Invalid argument",
    "Too many open files in system",
    "Too many open files",
    "Inappropriate ioctl for device",
    "Text file busy",
    "File too large",
    "No space left on device",
    "Illegal seek",
    "Read-only file system",
    "Too many links",
    "Broken pipe",
    "Numerical argument out of domain",
    "Numerical result out of range",
    "Resource deadlock avoided",
    "File name too long",
    "No locks available",
    "Function not implemented",
    "Directory not empty",
    "Too many levels of symbolic links",
    "",  // 41: none
    "No message of desired type",
    "Identifier removed",
    "Channel number out of range",
    "Level 2 not synchronized",
    "Level 3 halted",
    "Level 3 reset",
    "Link number out of range",
    "Protocol driver not attached",
    "No CSI structure available",
    "Level 2 halted",
    "Invalid exchange",
    "Invalid request descriptor",
    "Exchange full",
    "No anode",
    "Invalid request code",
    "Invalid slot",
    "",  // 58: none
    "Bad font file format",
    "Device not a stream",
    "No data available",
    "Timer expired",
    "Out of streams resources",
    "Machine is not on the network",
    "Package not installed",
    "Object is remote",
    "Link has been severed",
    "Advertise error",
    "Srmount error",
    "Communication error on send",
    "Protocol error",
    "Multihop attempted",
    "RFS specific error",
    "Bad message",
    "Value too large for defined data type",
    "Name not unique on network",
    "File descriptor in bad state",
    "Remote address changed",
    "Can not access a needed shared library",
    "Accessing a corrupted shared library",
    ".lib section in a.out corrupted",
    "Attempting to link in too many shared libraries",
    "Cannot exec a shared library directly",
    "Invalid or incomplete multibyte or wide character",
    "Interrupted system call should be restarted",
    "Streams pipe error",
    "Too many users",
    "Socket operation on non-socket",
    "Destination address required",
    "Message too long",
    "Protocol wrong type for socket",
    "Protocol not available",
    "Protocol not supported",
    "Socket type not supported",
    "Operation not supported",
    "Protocol family not supported",
    "Address family not supported by protocol",
    "Address already in use",
    "Cannot assign requested address",
    "Network is down",
    "Network is unreachable",
    "Network dropped connection on reset",
    "Software caused connection abort",
    "Connection reset by peer",
    "No buffer space available",
    "Transport endpoint is already connected",
    "Transport endpoint is not connected",
    "Cannot send after transport endpoint shutdown",
    "Too many references: cannot splice",
    "Connection timed out",
    "Connection refused",
    "Host is down",
    "No route to host",
    "Operation already in progress",
    "Operation now in progress",
    "Stale file handle",
    "Structure needs cleaning",
    "Not a XENIX named type file",
    "No XENIX semaphores available",
    "Is a named type file",
    "Remote I/O error",
    "Disk quota exceeded",
    "No medium found",
    "Wrong medium type",
    "Operation canceled",
    "Required key not available",
    "Key has expired",
    "Key has been revoked",
    "Key was rejected by service",
    "Owner died",
    "State not recoverable",
    "Operation not possible due to RF-kill",
    "Memory page has hardware error",
};

}  // namespace

std::string_view error_message(int code) {
    return code >= 0 && code < error_message_count ? messages[code] : std::string_view();
}

}  // namespace memsim::minic

namespace memsim::minic::library {
namespace {

// The current value of errno, read through the host as glibc reads it.
bool read_errno(Call& call, int& value) {
    value = 0;
    if (call.context.data == nullptr || call.context.data->errno_address == 0) return true;
    LoadResult r = call.host.load(call.context.data->errno_address, 4);
    call.merge(r.report);
    value = static_cast<std::int32_t>(static_cast<std::uint32_t>(r.value));
    return call.ok();
}

std::string message_text(int code) {
    const std::string_view known = error_message(code);
    return known.empty() ? "Unknown error " + std::to_string(code) : std::string(known);
}

// strerror: a known code's string in read-only data; any other code's text written into
// the library's static buffer (overwritten by the next such call, as glibc's is).
void strerror_call(Call& call) {
    const int code = static_cast<int>(call.int_arg(0));
    const LibraryData* data = call.context.data;
    if (data == nullptr) return;  // not reached: the interpreter places them for a program calling strerror
    if (code >= 0 && static_cast<std::size_t>(code) < data->error_messages.size() && data->error_messages[static_cast<std::size_t>(code)] != 0) {
        call.out.value = data->error_messages[static_cast<std::size_t>(code)];
        return;
    }
    std::string text = message_text(code);
    text.resize(std::min<std::size_t>(text.size(), LibraryData::strerror_buffer_size - 1));
    text.push_back('\0');
    if (call.write_bytes(data->strerror_buffer, text)) call.out.value = data->strerror_buffer;
}

// perror(s): "s: message\n" on stderr, or only the message when s is NULL or "".
void perror_call(Call& call) {
    std::string prefix;
    if (call.args[0] != 0 && !call.read_string(call.args[0], prefix)) return;
    int code = 0;
    if (!read_errno(call, code)) return;
    call.out.error_output = (prefix.empty() ? "" : prefix + ": ") + message_text(code) + "\n";
}

}  // namespace

void run_errno(Call& call) {
    switch (call.id) {
        case Builtin::ErrnoLocation: call.out.value = call.context.data != nullptr ? call.context.data->errno_address : 0; break;
        case Builtin::Strerror: strerror_call(call); break;
        case Builtin::Perror: perror_call(call); break;
        default: break;
    }
}

}  // namespace memsim::minic::library
