// The only file that includes libzip.
#include "zip_package.hpp"

#include <zip.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <deque>
#include <optional>

#include "broadside/core/output_file.hpp"

namespace broadside::epub {
namespace {

// 2000-01-01 00:00:00 in MS-DOS form: a fixed time, since libzip would write local time.
constexpr zip_uint16_t dos_date = ((2000 - 1980) << 9) | (1 << 5) | 1;
constexpr zip_uint16_t dos_time = 0;
constexpr zip_uint32_t file_mode = 0100644u << 16;

// A libzip source whose bytes are made on first use during zip_close.
struct LazySource {
    ZipPackage::Producer produce;
    std::string data;
    std::size_t offset = 0;
    bool made = false;
    bool writing = false;  ///< set once zip_close runs; before that libzip only probes
    zip_error_t error{};

    bool make() {
        if (made) return true;
        if (!produce(data)) {
            zip_error_set(&error, ZIP_ER_READ, 0);
            return false;
        }
        produce = nullptr;  // drop captured state early
        made = true;
        return true;
    }
};

zip_int64_t lazy_callback(void* userdata, void* data, zip_uint64_t len, zip_source_cmd_t cmd) {
    auto* src = static_cast<LazySource*>(userdata);
    switch (cmd) {
        case ZIP_SOURCE_OPEN:
            if (!src->make()) return -1;
            src->offset = 0;
            return 0;
        case ZIP_SOURCE_READ: {
            std::size_t n = std::min<std::size_t>(len, src->data.size() - src->offset);
            std::memcpy(data, src->data.data() + src->offset, n);
            src->offset += n;
            return static_cast<zip_int64_t>(n);
        }
        case ZIP_SOURCE_CLOSE:
            // The bytes have been compressed into the archive: free them now, not at the end.
            src->data.clear();
            src->data.shrink_to_fit();
            return 0;
        case ZIP_SOURCE_STAT: {
            auto* st = ZIP_SOURCE_GET_ARGS(zip_stat_t, data, len, &src->error);
            if (!st) return -1;
            zip_stat_init(st);
            if (src->writing) {
                if (!src->make()) return -1;
                st->size = src->data.size();
                st->valid |= ZIP_STAT_SIZE;
            }
            return sizeof(zip_stat_t);
        }
        case ZIP_SOURCE_ERROR:
            return zip_error_to_data(&src->error, data, len);
        case ZIP_SOURCE_FREE:
            zip_error_fini(&src->error);
            delete src;
            return 0;
        case ZIP_SOURCE_SUPPORTS:
            return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ,
                                                  ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
                                                  ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
        default:
            zip_error_set(&src->error, ZIP_ER_OPNOTSUPP, 0);
            return -1;
    }
}

// The archive libzip writes: an empty file to start from, then writes and seeks into an
// OutputFile. Committing and discarding stay with ZipPackage, so libzip makes no temporary file
// of its own (it would be one the interrupt handler does not know).
struct OutputSource {
    core::OutputFile file;
    std::uint64_t end = 0;  ///< the size written so far, for SEEK_END
    zip_error_t error{};

    OutputSource(const std::string& path, core::Diagnostics& diags) : file(path, diags) {
        zip_error_init(&error);
    }
    ~OutputSource() { zip_error_fini(&error); }

    zip_int64_t failed() {
        zip_error_set(&error, ZIP_ER_WRITE, EIO);  // the OutputFile has reported why
        return -1;
    }
};

zip_int64_t output_callback(void* userdata, void* data, zip_uint64_t len, zip_source_cmd_t cmd) {
    auto* out = static_cast<OutputSource*>(userdata);
    switch (cmd) {
        case ZIP_SOURCE_STAT: {  // an empty archive: ZIP_TRUNCATE starts a new one
            auto* st = ZIP_SOURCE_GET_ARGS(zip_stat_t, data, len, &out->error);
            if (!st) return -1;
            zip_stat_init(st);
            st->size = 0;
            st->valid |= ZIP_STAT_SIZE;
            return sizeof(zip_stat_t);
        }
        case ZIP_SOURCE_OPEN:
        case ZIP_SOURCE_CLOSE:
        case ZIP_SOURCE_BEGIN_WRITE:
        case ZIP_SOURCE_COMMIT_WRITE:    // ZipPackage::commit puts the file in place
        case ZIP_SOURCE_ROLLBACK_WRITE:  // the OutputFile is discarded with the package
        case ZIP_SOURCE_REMOVE:
        case ZIP_SOURCE_FREE:  // the package owns the source's state
            return 0;
        case ZIP_SOURCE_READ:
        case ZIP_SOURCE_TELL:
        case ZIP_SOURCE_SEEK:  // nothing to read in a new archive
            return 0;
        case ZIP_SOURCE_WRITE: {
            if (!out->file.write(data, len)) return out->failed();
            const std::int64_t at = out->file.tell();
            if (at < 0) return out->failed();
            out->end = std::max(out->end, static_cast<std::uint64_t>(at));
            return static_cast<zip_int64_t>(len);
        }
        case ZIP_SOURCE_SEEK_WRITE: {
            auto* args = ZIP_SOURCE_GET_ARGS(zip_source_args_seek_t, data, len, &out->error);
            if (!args) return -1;
            std::int64_t base = 0;
            if (args->whence == SEEK_CUR) base = out->file.tell();
            if (args->whence == SEEK_END) base = static_cast<std::int64_t>(out->end);
            const std::int64_t to = base + args->offset;
            if (base < 0 || to < 0) {
                zip_error_set(&out->error, ZIP_ER_INVAL, 0);
                return -1;
            }
            if (!out->file.seek(static_cast<std::uint64_t>(to))) return out->failed();
            return 0;
        }
        case ZIP_SOURCE_TELL_WRITE: {
            const std::int64_t at = out->file.tell();
            return at < 0 ? out->failed() : at;
        }
        case ZIP_SOURCE_ERROR:
            return zip_error_to_data(&out->error, data, len);
        case ZIP_SOURCE_SUPPORTS:
            return ZIP_SOURCE_SUPPORTS_WRITABLE;
        default:
            zip_error_set(&out->error, ZIP_ER_OPNOTSUPP, 0);
            return -1;
    }
}

}  // namespace

struct ZipPackage::Impl {
    std::optional<OutputSource> output;
    zip_t* zip = nullptr;
    std::deque<std::string> buffers;  ///< libzip reads these at close, so they live until then
    std::vector<LazySource*> lazy;
};

ZipPackage::ZipPackage(const std::string& path, core::Diagnostics& diags)
    : impl_(std::make_unique<Impl>()), diags_(diags), path_(path) {
    OutputSource& output = impl_->output.emplace(path, diags);
    if (!output.file.ok()) return;  // reported
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* src = zip_source_function_create(output_callback, &output, &error);
    if (src) impl_->zip = zip_open_from_source(src, ZIP_CREATE | ZIP_TRUNCATE, &error);
    if (!impl_->zip) {
        if (src) zip_source_free(src);
        diags_.error(path, 0, 0,
                     std::string("cannot create the book: ") + zip_error_strerror(&error));
        zip_error_fini(&error);
        output.file.discard();
        return;
    }
    zip_error_fini(&error);
    ok_ = true;
}

ZipPackage::~ZipPackage() {
    if (impl_->zip) zip_discard(impl_->zip);
    // impl_->output goes after the archive that writes into it, and removes its file.
}

void ZipPackage::finish_entry(long long index, bool compress) {
    if (index < 0) {
        diags_.error(path_, 0, 0,
                     std::string("cannot add to the book: ") + zip_strerror(impl_->zip));
        ok_ = false;
        return;
    }
    const auto i = static_cast<zip_uint64_t>(index);
    zip_set_file_compression(impl_->zip, i, compress ? ZIP_CM_DEFLATE : ZIP_CM_STORE,
                             compress ? 9 : 0);
    zip_file_set_dostime(impl_->zip, i, dos_time, dos_date, 0);
    zip_file_set_external_attributes(impl_->zip, i, 0, ZIP_OPSYS_UNIX, file_mode);
}

void ZipPackage::add_stored(const std::string& name, std::string data) {
    if (!ok_) return;
    const std::string& kept = impl_->buffers.emplace_back(std::move(data));
    zip_source_t* src = zip_source_buffer(impl_->zip, kept.data(), kept.size(), 0);
    long long index = src ? zip_file_add(impl_->zip, name.c_str(), src, ZIP_FL_ENC_UTF_8) : -1;
    if (src && index < 0) zip_source_free(src);
    finish_entry(index, false);
}

void ZipPackage::add_text(const std::string& name, std::string data) {
    if (!ok_) return;
    const std::string& kept = impl_->buffers.emplace_back(std::move(data));
    zip_source_t* src = zip_source_buffer(impl_->zip, kept.data(), kept.size(), 0);
    long long index = src ? zip_file_add(impl_->zip, name.c_str(), src, ZIP_FL_ENC_UTF_8) : -1;
    if (src && index < 0) zip_source_free(src);
    finish_entry(index, true);
}

void ZipPackage::add_file(const std::string& name, const std::string& path, bool compress) {
    if (!ok_) return;
    zip_source_t* src = zip_source_file(impl_->zip, path.c_str(), 0, -1);
    long long index = src ? zip_file_add(impl_->zip, name.c_str(), src, ZIP_FL_ENC_UTF_8) : -1;
    if (src && index < 0) zip_source_free(src);
    finish_entry(index, compress);
}

void ZipPackage::add_generated(const std::string& name, Producer produce) {
    if (!ok_) return;
    auto* lazy = new LazySource;
    lazy->produce = std::move(produce);
    zip_error_init(&lazy->error);
    zip_source_t* src = zip_source_function(impl_->zip, lazy_callback, lazy);
    if (!src) {
        zip_error_fini(&lazy->error);
        delete lazy;
        finish_entry(-1, true);
        return;
    }
    long long index = zip_file_add(impl_->zip, name.c_str(), src, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
        zip_source_free(src);  // frees `lazy` through ZIP_SOURCE_FREE
    } else {
        impl_->lazy.push_back(lazy);
    }
    finish_entry(index, true);
}

bool ZipPackage::close() {
    if (!ok_) return false;
    for (auto* lazy : impl_->lazy) lazy->writing = true;
    if (zip_close(impl_->zip) != 0) {
        // A write that failed was reported by the OutputFile, with its reason; anything else
        // (a chapter that could not be made) is libzip's to tell.
        if (impl_->output->file.ok())
            diags_.error(path_, 0, 0,
                         std::string("cannot write the book: ") + zip_strerror(impl_->zip));
        impl_->output->file.discard();
        ok_ = false;
        return false;
    }
    impl_->zip = nullptr;
    impl_->lazy.clear();
    impl_->buffers.clear();
    return true;
}

bool ZipPackage::commit() {
    if (!ok_ || impl_->zip) return false;  // not written
    ok_ = impl_->output->file.commit();
    return ok_;
}

}  // namespace broadside::epub
