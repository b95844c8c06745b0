// CLI input for compdb_not_c.sh: C++, which sockleak must not parse as C.
#include <memory>
namespace app {
template <typename T> std::unique_ptr<T> make() { return std::make_unique<T>(); }
}
