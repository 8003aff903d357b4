# Unity build: plenary_unity(<out-var> <name> <sources>...) sets <out-var> to files
# <build>/unity/<name>_<n>.cc that each include eight of the sources by their path under src/,
# so that the Boost, fmt and GoogleTest headers are parsed and their templates instantiated once
# per eight files instead of once per file. The includes are relative (found through src/ on
# the include path), so the generated files are the same in every checkout and ccache reuses
# one checkout's objects in another (CMake's own unity build writes absolute paths).
# With -DPLENARY_UNITY_BUILD=OFF the sources are compiled one by one (quicker rebuilds after
# editing one file). Names in a file's anonymous namespace must therefore differ from those of
# the other files of its folder: they may share a translation unit.
option(PLENARY_UNITY_BUILD "Compile the sources eight to a translation unit" ON)

function(plenary_unity out name)
  if(NOT PLENARY_UNITY_BUILD)
    set(${out} ${ARGN} PARENT_SCOPE)
    return()
  endif()
  set(files)
  set(content "")
  set(count 0)
  set(index 0)
  foreach(src IN LISTS ARGN)
    file(RELATIVE_PATH rel ${CMAKE_SOURCE_DIR}/src ${src})
    string(APPEND content "#include \"${rel}\"\n")
    math(EXPR count "${count} + 1")
    if(count EQUAL 8)
      set(file ${CMAKE_BINARY_DIR}/unity/${name}_${index}.cc)
      file(CONFIGURE OUTPUT ${file} CONTENT "${content}" @ONLY)
      list(APPEND files ${file})
      set(content "")
      set(count 0)
      math(EXPR index "${index} + 1")
    endif()
  endforeach()
  if(count GREATER 0)
    set(file ${CMAKE_BINARY_DIR}/unity/${name}_${index}.cc)
    file(CONFIGURE OUTPUT ${file} CONTENT "${content}" @ONLY)
    list(APPEND files ${file})
  endif()
  set(${out} ${files} PARENT_SCOPE)
endfunction()
