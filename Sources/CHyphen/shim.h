#ifndef FOLIO_CHYPHEN_SHIM_H
#define FOLIO_CHYPHEN_SHIM_H
/* libhyphen (Debian's libhyphen-dev): the hyphenation library of LibreOffice, reading the
   TeX-pattern dictionaries in /usr/share/hyphen (packages hyphen-en-us, hyphen-fr, ...). */
#include <hyphen.h>
#endif
