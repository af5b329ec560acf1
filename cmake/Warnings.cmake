# One warnings target that every gotong library links privately (STYLE.md 11).
add_library(gotong_warnings INTERFACE)
target_compile_options(gotong_warnings INTERFACE
  -Wall -Wextra -Wshadow -Wconversion -Wnon-virtual-dtor -Wsuggest-override)
if(GOTONG_WERROR)
  target_compile_options(gotong_warnings INTERFACE -Werror)
endif()
