/* CLI input for compdb_not_c.sh: assembler, not analyzed. */
    .text
    .globl start
start:
    ret
