#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "broadside/core/resources.hpp"
#include "scratch_folder.hpp"

namespace fs = std::filesystem;
using broadside::core::ResourcePolicy;

namespace {

// A throw-away tree: root/doc/, root/img.png, outside/secret.png, and a link out.
struct Tree {
    fs::path base = broadside::test::scratch_folder("tree");
    Tree() {
        fs::create_directories(base / "root/doc");
        fs::create_directories(base / "outside");
        std::ofstream(base / "root/img.png") << "x";
        std::ofstream(base / "root/doc/a b.png") << "x";
        std::ofstream(base / "outside/secret.png") << "x";
        fs::create_symlink(base / "outside/secret.png", base / "root/doc/link.png");
    }
    ~Tree() { fs::remove_all(base); }
    std::string root() const { return (base / "root").string(); }
    std::string doc() const { return (base / "root/doc").string(); }
};

}  // namespace

TEST_CASE("references inside the input folder resolve") {
    Tree t;
    ResourcePolicy policy(t.root());
    auto r = policy.resolve("../img.png", t.doc(), "image");
    CHECK(r.ok);
    CHECK(r.path == fs::canonical(t.base / "root/img.png").string());
    CHECK(policy.resolve("a%20b.png?v=2#x", t.doc(), "image").ok);
    CHECK(policy.resolve("/img.png", t.doc(), "image").ok);  // site-absolute, under the root
}

TEST_CASE("escapes, absolute paths and symbolic links out are refused with a way out") {
    Tree t;
    ResourcePolicy policy(t.root());
    for (std::string ref : {std::string("../../outside/secret.png"),
                            (t.base / "outside/secret.png").string(), std::string("link.png")}) {
        INFO(ref);
        auto r = policy.resolve(ref, t.doc(), "image");
        CHECK_FALSE(r.ok);
        CHECK(r.problem.find("outside the input folder") != std::string::npos);
        CHECK(r.problem.find("--resource-path") != std::string::npos);
    }
    ResourcePolicy allowing(t.root(), {(t.base / "outside").string()});
    CHECK(allowing.resolve("../../outside/secret.png", t.doc(), "image").ok);
    CHECK(allowing.resolve("link.png", t.doc(), "image").ok);
}

TEST_CASE("remote, data and missing references are problems, never fetched") {
    Tree t;
    ResourcePolicy policy(t.root());
    auto remote = policy.resolve("https://example.org/x.png", t.doc(), "image");
    CHECK_FALSE(remote.ok);
    CHECK(remote.problem.find("remote") != std::string::npos);
    CHECK_FALSE(policy.resolve("data:image/png;base64,AAAA", t.doc(), "image").ok);
    auto missing = policy.resolve("nope.png", t.doc(), "letterhead");
    CHECK_FALSE(missing.ok);
    CHECK(missing.problem == "letterhead 'nope.png' not found");
}
