	.text
	.file	"clang_debug.c"
	.section	socket,"ax",@progbits
	.globl	filter                          # -- Begin function filter
	.p2align	3
	.type	filter,@function
filter:                                 # @filter
.Lfunc_begin0:
	.file	0 "/work/main/asm/testdata/llvm" "clang_debug.c" md5 0xc09217c01dd02159fabf71d497d2cbd2
	.cfi_sections .debug_frame
	.cfi_startproc
# %bb.0:
	#DEBUG_VALUE: i <- -3
	#DEBUG_VALUE: filter:n <- 0
	.loc	0 17 8 prologue_end             # clang_debug.c:17:8
.Ltmp0:
	w1 = -3
	call clamp
.Ltmp1:
	w6 = w0
.Ltmp2:
.Ltmp3:
	#DEBUG_VALUE: filter:n <- $w6
	#DEBUG_VALUE: i <- -1
	w1 = -1
	call clamp
.Ltmp4:
	w7 = w0
	.loc	0 17 5 is_stmt 0                # clang_debug.c:17:5
.Ltmp5:
	w7 += w6
.Ltmp6:
.Ltmp7:
	#DEBUG_VALUE: filter:n <- $w7
	#DEBUG_VALUE: i <- 1
	.loc	0 17 8                          # clang_debug.c:17:8
.Ltmp8:
	w1 = 1
	call clamp
.Ltmp9:
	w6 = w0
	.loc	0 17 5                          # clang_debug.c:17:5
.Ltmp10:
	w6 += w7
.Ltmp11:
.Ltmp12:
	#DEBUG_VALUE: filter:n <- $w6
	#DEBUG_VALUE: i <- 3
	.loc	0 17 8                          # clang_debug.c:17:8
.Ltmp13:
	w1 = 3
	call clamp
.Ltmp14:
	w7 = w0
	.loc	0 17 5                          # clang_debug.c:17:5
.Ltmp15:
	w7 += w6
.Ltmp16:
.Ltmp17:
	#DEBUG_VALUE: filter:n <- $w7
	#DEBUG_VALUE: i <- 5
	.loc	0 17 8                          # clang_debug.c:17:8
.Ltmp18:
	w1 = 5
	call clamp
.Ltmp19:
	w6 = w0
	.loc	0 17 5                          # clang_debug.c:17:5
.Ltmp20:
	w6 += w7
.Ltmp21:
.Ltmp22:
	#DEBUG_VALUE: filter:n <- $w6
	#DEBUG_VALUE: i <- 7
	.loc	0 17 8                          # clang_debug.c:17:8
.Ltmp23:
	w1 = 7
	call clamp
.Ltmp24:
	w7 = w0
	.loc	0 17 5                          # clang_debug.c:17:5
.Ltmp25:
	w7 += w6
.Ltmp26:
.Ltmp27:
	#DEBUG_VALUE: filter:n <- $w7
	#DEBUG_VALUE: i <- 9
	.loc	0 17 8                          # clang_debug.c:17:8
.Ltmp28:
	w1 = 9
	call clamp
.Ltmp29:
	w6 = w0
	.loc	0 17 5                          # clang_debug.c:17:5
.Ltmp30:
	w6 += w7
.Ltmp31:
.Ltmp32:
	#DEBUG_VALUE: filter:n <- $w6
	#DEBUG_VALUE: i <- 11
	.loc	0 17 8                          # clang_debug.c:17:8
.Ltmp33:
	w1 = 11
	call clamp
.Ltmp34:
	w7 = w0
	.loc	0 17 5                          # clang_debug.c:17:5
.Ltmp35:
	w7 += w6
.Ltmp36:
.Ltmp37:
	#DEBUG_VALUE: filter:n <- $w7
	#DEBUG_VALUE: i <- 13
	.loc	0 17 8                          # clang_debug.c:17:8
.Ltmp38:
	w1 = 13
	call clamp
.Ltmp39:
	w6 = w0
	.loc	0 17 5                          # clang_debug.c:17:5
.Ltmp40:
	w6 += w7
.Ltmp41:
.Ltmp42:
	#DEBUG_VALUE: filter:n <- $w6
	#DEBUG_VALUE: i <- 15
	.loc	0 17 8                          # clang_debug.c:17:8
.Ltmp43:
	w1 = 15
	call clamp
.Ltmp44:
	w7 = w0
	.loc	0 17 5                          # clang_debug.c:17:5
.Ltmp45:
	w7 += w6
.Ltmp46:
.Ltmp47:
	#DEBUG_VALUE: filter:n <- $w7
	#DEBUG_VALUE: i <- 17
	.loc	0 17 8                          # clang_debug.c:17:8
.Ltmp48:
	w1 = 17
	call clamp
.Ltmp49:
	w6 = w0
	.loc	0 17 5                          # clang_debug.c:17:5
.Ltmp50:
	w6 += w7
.Ltmp51:
.Ltmp52:
	#DEBUG_VALUE: filter:n <- $w6
	#DEBUG_VALUE: i <- 19
	.loc	0 17 8                          # clang_debug.c:17:8
.Ltmp53:
	w1 = 19
	call clamp
.Ltmp54:
	.loc	0 17 5                          # clang_debug.c:17:5
.Ltmp55:
	w0 += w6
.Ltmp56:
.Ltmp57:
	#DEBUG_VALUE: filter:n <- $w0
	#DEBUG_VALUE: i <- 21
	.loc	0 18 2 is_stmt 1                # clang_debug.c:18:2
.Ltmp58:
	exit
.Ltmp59:
.Ltmp60:
.Lfunc_end0:
	.size	filter, .Lfunc_end0-filter
	.cfi_endproc
                                        # -- End function
	.text
	.p2align	3                               # -- Begin function clamp
	.type	clamp,@function
clamp:                                  # @clamp
.Lfunc_begin1:
	.loc	0 7 0                           # clang_debug.c:7:0
	.cfi_startproc
# %bb.0:
	#DEBUG_VALUE: clamp:x <- $w1
	#DEBUG_VALUE: clamp:lo <- 0
	#DEBUG_VALUE: clamp:hi <- 10
	w2 = w1
.Ltmp61:
	.loc	0 8 6 prologue_end              # clang_debug.c:8:6
.Ltmp62:
.Ltmp63:
	if w1 < 10 goto LBB1_2
.Ltmp64:
.Ltmp65:
# %bb.1:
	#DEBUG_VALUE: clamp:hi <- 10
	#DEBUG_VALUE: clamp:lo <- 0
	#DEBUG_VALUE: clamp:x <- $w1
	.loc	0 0 6 is_stmt 0                 # clang_debug.c:0:6
	w2 = 10
.Ltmp66:
.Ltmp67:
LBB1_2:
	#DEBUG_VALUE: clamp:hi <- 10
	#DEBUG_VALUE: clamp:lo <- 0
	#DEBUG_VALUE: clamp:x <- $w1
	w0 = 0
	.loc	0 8 6                           # clang_debug.c:8:6
	if w1 s< 0 goto LBB1_4
.Ltmp68:
.Ltmp69:
# %bb.3:
	#DEBUG_VALUE: clamp:hi <- 10
	#DEBUG_VALUE: clamp:lo <- 0
	#DEBUG_VALUE: clamp:x <- $w1
	.loc	0 0 6                           # clang_debug.c:0:6
	w0 = w2
.Ltmp70:
.Ltmp71:
LBB1_4:
	#DEBUG_VALUE: clamp:hi <- 10
	#DEBUG_VALUE: clamp:lo <- 0
	#DEBUG_VALUE: clamp:x <- $w1
	.loc	0 11 1 is_stmt 1                # clang_debug.c:11:1
.Ltmp72:
	exit
.Ltmp73:
.Ltmp74:
.Lfunc_end1:
	.size	clamp, .Lfunc_end1-clamp
	.cfi_endproc
                                        # -- End function
	.section	.debug_loclists,"",@progbits
	.long	.Ldebug_list_header_end0-.Ldebug_list_header_start0 # Length
.Ldebug_list_header_start0:
	.short	5                               # Version
	.byte	8                               # Address size
	.byte	0                               # Segment selector size
	.long	2                               # Offset entry count
.Lloclists_table_base0:
	.long	.Ldebug_loc0-.Lloclists_table_base0
	.long	.Ldebug_loc1-.Lloclists_table_base0
.Ldebug_loc0:
	.byte	1                               # DW_LLE_base_addressx
	.byte	0                               #   base address index
	.byte	4                               # DW_LLE_offset_pair
	.uleb128 .Lfunc_begin0-.Lfunc_begin0    #   starting offset
	.uleb128 .Ltmp2-.Lfunc_begin0           #   ending offset
	.byte	3                               # Loc expr size
	.byte	17                              # DW_OP_consts
	.byte	125                             # -3
	.byte	159                             # DW_OP_stack_value
	.byte	4                               # DW_LLE_offset_pair
	.uleb128 .Ltmp2-.Lfunc_begin0           #   starting offset
	.uleb128 .Ltmp6-.Lfunc_begin0           #   ending offset
	.byte	3                               # Loc expr size
	.byte	17                              # DW_OP_consts
	.byte	127                             # -1
	.byte	159                             # DW_OP_stack_value
	.byte	4                               # DW_LLE_offset_pair
	.uleb128 .Ltmp6-.Lfunc_begin0           #   starting offset
	.uleb128 .Ltmp11-.Lfunc_begin0          #   ending offset
	.byte	3                               # Loc expr size
	.byte	17                              # DW_OP_consts
	.byte	1                               # 1
	.byte	159                             # DW_OP_stack_value
	.byte	4                               # DW_LLE_offset_pair
	.uleb128 .Ltmp11-.Lfunc_begin0          #   starting offset
	.uleb128 .Ltmp16-.Lfunc_begin0          #   ending offset
	.byte	3                               # Loc expr size
	.byte	17                              # DW_OP_consts
	.byte	3                               # 3
	.byte	159                             # DW_OP_stack_value
	.byte	4                               # DW_LLE_offset_pair
	.uleb128 .Ltmp16-.Lfunc_begin0          #   starting offset
	.uleb128 .Ltmp21-.Lfunc_begin0          #   ending offset
	.byte	3                               # Loc expr size
	.byte	17                              # DW_OP_consts
	.byte	5                               # 5
	.byte	159                             # DW_OP_stack_value
	.byte	4                               # DW_LLE_offset_pair
	.uleb128 .Ltmp21-.Lfunc_begin0          #   starting offset
	.uleb128 .Ltmp26-.Lfunc_begin0          #   ending offset
	.byte	3                               # Loc expr size
	.byte	17                              # DW_OP_consts
	.byte	7                               # 7
	.byte	159                             # DW_OP_stack_value
	.byte	4                               # DW_LLE_offset_pair
	.uleb128 .Ltmp26-.Lfunc_begin0          #   starting offset
	.uleb128 .Ltmp31-.Lfunc_begin0          #   ending offset
	.byte	3                               # Loc expr size
	.byte	17                              # DW_OP_consts
	.byte	9                               # 9
	.byte	159                             # DW_OP_stack_value
	.byte	4                               # DW_LLE_offset_pair
	.uleb128 .Ltmp31-.Lfunc_begin0          #   starting offset
	.uleb128 .Ltmp36-.Lfunc_begin0          #   ending offset
	.byte	3                               # Loc expr size
	.byte	17                              # DW_OP_consts
	.byte	11                              # 11
	.byte	159                             # DW_OP_stack_value
	.byte	4                               # DW_LLE_offset_pair
	.uleb128 .Ltmp36-.Lfunc_begin0          #   starting offset
	.uleb128 .Ltmp41-.Lfunc_begin0          #   ending offset
	.byte	3                               # Loc expr size
	.byte	17                              # DW_OP_consts
	.byte	13                              # 13
	.byte	159                             # DW_OP_stack_value
	.byte	4                               # DW_LLE_offset_pair
	.uleb128 .Ltmp41-.Lfunc_begin0          #   starting offset
	.uleb128 .Ltmp46-.Lfunc_begin0          #   ending offset
	.byte	3                               # Loc expr size
	.byte	17                              # DW_OP_consts
	.byte	15                              # 15
	.byte	159                             # DW_OP_stack_value
	.byte	4                               # DW_LLE_offset_pair
	.uleb128 .Ltmp46-.Lfunc_begin0          #   starting offset
	.uleb128 .Ltmp51-.Lfunc_begin0          #   ending offset
	.byte	3                               # Loc expr size
	.byte	17                              # DW_OP_consts
	.byte	17                              # 17
	.byte	159                             # DW_OP_stack_value
	.byte	4                               # DW_LLE_offset_pair
	.uleb128 .Ltmp51-.Lfunc_begin0          #   starting offset
	.uleb128 .Ltmp56-.Lfunc_begin0          #   ending offset
	.byte	3                               # Loc expr size
	.byte	17                              # DW_OP_consts
	.byte	19                              # 19
	.byte	159                             # DW_OP_stack_value
	.byte	4                               # DW_LLE_offset_pair
	.uleb128 .Ltmp56-.Lfunc_begin0          #   starting offset
	.uleb128 .Lfunc_end0-.Lfunc_begin0      #   ending offset
	.byte	3                               # Loc expr size
	.byte	17                              # DW_OP_consts
	.byte	21                              # 21
	.byte	159                             # DW_OP_stack_value
	.byte	0                               # DW_LLE_end_of_list
.Ldebug_loc1:
	.byte	1                               # DW_LLE_base_addressx
	.byte	0                               #   base address index
	.byte	4                               # DW_LLE_offset_pair
	.uleb128 .Lfunc_begin0-.Lfunc_begin0    #   starting offset
	.uleb128 .Ltmp2-.Lfunc_begin0           #   ending offset
	.byte	3                               # Loc expr size
	.byte	17                              # DW_OP_consts
	.byte	0                               # 0
	.byte	159                             # DW_OP_stack_value
	.byte	4                               # DW_LLE_offset_pair
	.uleb128 .Ltmp2-.Lfunc_begin0           #   starting offset
	.uleb128 .Ltmp6-.Lfunc_begin0           #   ending offset
	.byte	1                               # Loc expr size
	.byte	86                              # DW_OP_reg6
	.byte	4                               # DW_LLE_offset_pair
	.uleb128 .Ltmp6-.Lfunc_begin0           #   starting offset
	.uleb128 .Ltmp11-.Lfunc_begin0          #   ending offset
	.byte	1                               # Loc expr size
	.byte	87                              # DW_OP_reg7
	.byte	4                               # DW_LLE_offset_pair
	.uleb128 .Ltmp11-.Lfunc_begin0          #   starting offset
	.uleb128 .Ltmp16-.Lfunc_begin0          #   ending offset
	.byte	1                               # Loc expr size
	.byte	86                              # DW_OP_reg6
	.byte	4                               # DW_LLE_offset_pair
	.uleb128 .Ltmp16-.Lfunc_begin0          #   starting offset
	.uleb128 .Ltmp21-.Lfunc_begin0          #   ending offset
	.byte	1                               # Loc expr size
	.byte	87                              # DW_OP_reg7
	.byte	4                               # DW_LLE_offset_pair
	.uleb128 .Ltmp21-.Lfunc_begin0          #   starting offset
	.uleb128 .Ltmp26-.Lfunc_begin0          #   ending offset
	.byte	1                               # Loc expr size
	.byte	86                              # DW_OP_reg6
	.byte	4                               # DW_LLE_offset_pair
	.uleb128 .Ltmp26-.Lfunc_begin0          #   starting offset
	.uleb128 .Ltmp31-.Lfunc_begin0          #   ending offset
	.byte	1                               # Loc expr size
	.byte	87                              # DW_OP_reg7
	.byte	4                               # DW_LLE_offset_pair
	.uleb128 .Ltmp31-.Lfunc_begin0          #   starting offset
	.uleb128 .Ltmp36-.Lfunc_begin0          #   ending offset
	.byte	1                               # Loc expr size
	.byte	86                              # DW_OP_reg6
	.byte	4                               # DW_LLE_offset_pair
	.uleb128 .Ltmp36-.Lfunc_begin0          #   starting offset
	.uleb128 .Ltmp41-.Lfunc_begin0          #   ending offset
	.byte	1                               # Loc expr size
	.byte	87                              # DW_OP_reg7
	.byte	4                               # DW_LLE_offset_pair
	.uleb128 .Ltmp41-.Lfunc_begin0          #   starting offset
	.uleb128 .Ltmp46-.Lfunc_begin0          #   ending offset
	.byte	1                               # Loc expr size
	.byte	86                              # DW_OP_reg6
	.byte	4                               # DW_LLE_offset_pair
	.uleb128 .Ltmp46-.Lfunc_begin0          #   starting offset
	.uleb128 .Ltmp51-.Lfunc_begin0          #   ending offset
	.byte	1                               # Loc expr size
	.byte	87                              # DW_OP_reg7
	.byte	4                               # DW_LLE_offset_pair
	.uleb128 .Ltmp51-.Lfunc_begin0          #   starting offset
	.uleb128 .Ltmp56-.Lfunc_begin0          #   ending offset
	.byte	1                               # Loc expr size
	.byte	86                              # DW_OP_reg6
	.byte	4                               # DW_LLE_offset_pair
	.uleb128 .Ltmp56-.Lfunc_begin0          #   starting offset
	.uleb128 .Lfunc_end0-.Lfunc_begin0      #   ending offset
	.byte	1                               # Loc expr size
	.byte	80                              # DW_OP_reg0
	.byte	0                               # DW_LLE_end_of_list
.Ldebug_list_header_end0:
	.section	.debug_abbrev,"",@progbits
	.byte	1                               # Abbreviation Code
	.byte	17                              # DW_TAG_compile_unit
	.byte	1                               # DW_CHILDREN_yes
	.byte	37                              # DW_AT_producer
	.byte	37                              # DW_FORM_strx1
	.byte	19                              # DW_AT_language
	.byte	5                               # DW_FORM_data2
	.byte	3                               # DW_AT_name
	.byte	37                              # DW_FORM_strx1
	.byte	114                             # DW_AT_str_offsets_base
	.byte	23                              # DW_FORM_sec_offset
	.byte	16                              # DW_AT_stmt_list
	.byte	23                              # DW_FORM_sec_offset
	.byte	27                              # DW_AT_comp_dir
	.byte	37                              # DW_FORM_strx1
	.byte	17                              # DW_AT_low_pc
	.byte	1                               # DW_FORM_addr
	.byte	85                              # DW_AT_ranges
	.byte	35                              # DW_FORM_rnglistx
	.byte	115                             # DW_AT_addr_base
	.byte	23                              # DW_FORM_sec_offset
	.byte	116                             # DW_AT_rnglists_base
	.byte	23                              # DW_FORM_sec_offset
	.ascii	"\214\001"                      # DW_AT_loclists_base
	.byte	23                              # DW_FORM_sec_offset
	.byte	0                               # EOM(1)
	.byte	0                               # EOM(2)
	.byte	2                               # Abbreviation Code
	.byte	46                              # DW_TAG_subprogram
	.byte	1                               # DW_CHILDREN_yes
	.byte	17                              # DW_AT_low_pc
	.byte	27                              # DW_FORM_addrx
	.byte	18                              # DW_AT_high_pc
	.byte	6                               # DW_FORM_data4
	.byte	64                              # DW_AT_frame_base
	.byte	24                              # DW_FORM_exprloc
	.byte	122                             # DW_AT_call_all_calls
	.byte	25                              # DW_FORM_flag_present
	.byte	3                               # DW_AT_name
	.byte	37                              # DW_FORM_strx1
	.byte	58                              # DW_AT_decl_file
	.byte	11                              # DW_FORM_data1
	.byte	59                              # DW_AT_decl_line
	.byte	11                              # DW_FORM_data1
	.byte	39                              # DW_AT_prototyped
	.byte	25                              # DW_FORM_flag_present
	.byte	73                              # DW_AT_type
	.byte	19                              # DW_FORM_ref4
	.byte	63                              # DW_AT_external
	.byte	25                              # DW_FORM_flag_present
	.byte	0                               # EOM(1)
	.byte	0                               # EOM(2)
	.byte	3                               # Abbreviation Code
	.byte	5                               # DW_TAG_formal_parameter
	.byte	0                               # DW_CHILDREN_no
	.byte	3                               # DW_AT_name
	.byte	37                              # DW_FORM_strx1
	.byte	58                              # DW_AT_decl_file
	.byte	11                              # DW_FORM_data1
	.byte	59                              # DW_AT_decl_line
	.byte	11                              # DW_FORM_data1
	.byte	73                              # DW_AT_type
	.byte	19                              # DW_FORM_ref4
	.byte	0                               # EOM(1)
	.byte	0                               # EOM(2)
	.byte	4                               # Abbreviation Code
	.byte	52                              # DW_TAG_variable
	.byte	0                               # DW_CHILDREN_no
	.byte	2                               # DW_AT_location
	.byte	34                              # DW_FORM_loclistx
	.byte	3                               # DW_AT_name
	.byte	37                              # DW_FORM_strx1
	.byte	58                              # DW_AT_decl_file
	.byte	11                              # DW_FORM_data1
	.byte	59                              # DW_AT_decl_line
	.byte	11                              # DW_FORM_data1
	.byte	73                              # DW_AT_type
	.byte	19                              # DW_FORM_ref4
	.byte	0                               # EOM(1)
	.byte	0                               # EOM(2)
	.byte	5                               # Abbreviation Code
	.byte	11                              # DW_TAG_lexical_block
	.byte	1                               # DW_CHILDREN_yes
	.byte	17                              # DW_AT_low_pc
	.byte	27                              # DW_FORM_addrx
	.byte	18                              # DW_AT_high_pc
	.byte	6                               # DW_FORM_data4
	.byte	0                               # EOM(1)
	.byte	0                               # EOM(2)
	.byte	6                               # Abbreviation Code
	.byte	72                              # DW_TAG_call_site
	.byte	0                               # DW_CHILDREN_no
	.byte	127                             # DW_AT_call_origin
	.byte	19                              # DW_FORM_ref4
	.byte	125                             # DW_AT_call_return_pc
	.byte	27                              # DW_FORM_addrx
	.byte	0                               # EOM(1)
	.byte	0                               # EOM(2)
	.byte	7                               # Abbreviation Code
	.byte	46                              # DW_TAG_subprogram
	.byte	1                               # DW_CHILDREN_yes
	.byte	17                              # DW_AT_low_pc
	.byte	27                              # DW_FORM_addrx
	.byte	18                              # DW_AT_high_pc
	.byte	6                               # DW_FORM_data4
	.byte	64                              # DW_AT_frame_base
	.byte	24                              # DW_FORM_exprloc
	.byte	122                             # DW_AT_call_all_calls
	.byte	25                              # DW_FORM_flag_present
	.byte	3                               # DW_AT_name
	.byte	37                              # DW_FORM_strx1
	.byte	58                              # DW_AT_decl_file
	.byte	11                              # DW_FORM_data1
	.byte	59                              # DW_AT_decl_line
	.byte	11                              # DW_FORM_data1
	.byte	39                              # DW_AT_prototyped
	.byte	25                              # DW_FORM_flag_present
	.byte	54                              # DW_AT_calling_convention
	.byte	11                              # DW_FORM_data1
	.byte	73                              # DW_AT_type
	.byte	19                              # DW_FORM_ref4
	.byte	0                               # EOM(1)
	.byte	0                               # EOM(2)
	.byte	8                               # Abbreviation Code
	.byte	5                               # DW_TAG_formal_parameter
	.byte	0                               # DW_CHILDREN_no
	.byte	2                               # DW_AT_location
	.byte	24                              # DW_FORM_exprloc
	.byte	3                               # DW_AT_name
	.byte	37                              # DW_FORM_strx1
	.byte	58                              # DW_AT_decl_file
	.byte	11                              # DW_FORM_data1
	.byte	59                              # DW_AT_decl_line
	.byte	11                              # DW_FORM_data1
	.byte	73                              # DW_AT_type
	.byte	19                              # DW_FORM_ref4
	.byte	0                               # EOM(1)
	.byte	0                               # EOM(2)
	.byte	9                               # Abbreviation Code
	.byte	5                               # DW_TAG_formal_parameter
	.byte	0                               # DW_CHILDREN_no
	.byte	28                              # DW_AT_const_value
	.byte	13                              # DW_FORM_sdata
	.byte	3                               # DW_AT_name
	.byte	37                              # DW_FORM_strx1
	.byte	58                              # DW_AT_decl_file
	.byte	11                              # DW_FORM_data1
	.byte	59                              # DW_AT_decl_line
	.byte	11                              # DW_FORM_data1
	.byte	73                              # DW_AT_type
	.byte	19                              # DW_FORM_ref4
	.byte	0                               # EOM(1)
	.byte	0                               # EOM(2)
	.byte	10                              # Abbreviation Code
	.byte	36                              # DW_TAG_base_type
	.byte	0                               # DW_CHILDREN_no
	.byte	3                               # DW_AT_name
	.byte	37                              # DW_FORM_strx1
	.byte	62                              # DW_AT_encoding
	.byte	11                              # DW_FORM_data1
	.byte	11                              # DW_AT_byte_size
	.byte	11                              # DW_FORM_data1
	.byte	0                               # EOM(1)
	.byte	0                               # EOM(2)
	.byte	11                              # Abbreviation Code
	.byte	15                              # DW_TAG_pointer_type
	.byte	0                               # DW_CHILDREN_no
	.byte	0                               # EOM(1)
	.byte	0                               # EOM(2)
	.byte	0                               # EOM(3)
	.section	.debug_info,"",@progbits
.Lcu_begin0:
	.long	.Ldebug_info_end0-.Ldebug_info_start0 # Length of Unit
.Ldebug_info_start0:
	.short	5                               # DWARF version number
	.byte	1                               # DWARF Unit Type
	.byte	8                               # Address Size (in bytes)
	.long	.debug_abbrev                   # Offset Into Abbrev. Section
	.byte	1                               # Abbrev [1] 0xc:0xcf DW_TAG_compile_unit
	.byte	0                               # DW_AT_producer
	.short	29                              # DW_AT_language
	.byte	1                               # DW_AT_name
	.long	.Lstr_offsets_base0             # DW_AT_str_offsets_base
	.long	.Lline_table_start0             # DW_AT_stmt_list
	.byte	2                               # DW_AT_comp_dir
	.quad	0                               # DW_AT_low_pc
	.byte	0                               # DW_AT_ranges
	.long	.Laddr_table_base0              # DW_AT_addr_base
	.long	.Lrnglists_table_base0          # DW_AT_rnglists_base
	.long	.Lloclists_table_base0          # DW_AT_loclists_base
	.byte	2                               # Abbrev [2] 0x2f:0x79 DW_TAG_subprogram
	.byte	0                               # DW_AT_low_pc
	.long	.Lfunc_end0-.Lfunc_begin0       # DW_AT_high_pc
	.byte	1                               # DW_AT_frame_base
	.byte	90
                                        # DW_AT_call_all_calls
	.byte	3                               # DW_AT_name
	.byte	0                               # DW_AT_decl_file
	.byte	13                              # DW_AT_decl_line
                                        # DW_AT_prototyped
	.long	213                             # DW_AT_type
                                        # DW_AT_external
	.byte	3                               # Abbrev [3] 0x3e:0x8 DW_TAG_formal_parameter
	.byte	8                               # DW_AT_name
	.byte	0                               # DW_AT_decl_file
	.byte	13                              # DW_AT_decl_line
	.long	217                             # DW_AT_type
	.byte	4                               # Abbrev [4] 0x46:0x9 DW_TAG_variable
	.byte	1                               # DW_AT_location
	.byte	7                               # DW_AT_name
	.byte	0                               # DW_AT_decl_file
	.byte	15                              # DW_AT_decl_line
	.long	213                             # DW_AT_type
	.byte	5                               # Abbrev [5] 0x4f:0x10 DW_TAG_lexical_block
	.byte	0                               # DW_AT_low_pc
	.long	.Ltmp56-.Lfunc_begin0           # DW_AT_high_pc
	.byte	4                               # Abbrev [4] 0x55:0x9 DW_TAG_variable
	.byte	0                               # DW_AT_location
	.byte	6                               # DW_AT_name
	.byte	0                               # DW_AT_decl_file
	.byte	16                              # DW_AT_decl_line
	.long	213                             # DW_AT_type
	.byte	0                               # End Of Children Mark
	.byte	6                               # Abbrev [6] 0x5f:0x6 DW_TAG_call_site
	.long	168                             # DW_AT_call_origin
	.byte	1                               # DW_AT_call_return_pc
	.byte	6                               # Abbrev [6] 0x65:0x6 DW_TAG_call_site
	.long	168                             # DW_AT_call_origin
	.byte	2                               # DW_AT_call_return_pc
	.byte	6                               # Abbrev [6] 0x6b:0x6 DW_TAG_call_site
	.long	168                             # DW_AT_call_origin
	.byte	3                               # DW_AT_call_return_pc
	.byte	6                               # Abbrev [6] 0x71:0x6 DW_TAG_call_site
	.long	168                             # DW_AT_call_origin
	.byte	4                               # DW_AT_call_return_pc
	.byte	6                               # Abbrev [6] 0x77:0x6 DW_TAG_call_site
	.long	168                             # DW_AT_call_origin
	.byte	5                               # DW_AT_call_return_pc
	.byte	6                               # Abbrev [6] 0x7d:0x6 DW_TAG_call_site
	.long	168                             # DW_AT_call_origin
	.byte	6                               # DW_AT_call_return_pc
	.byte	6                               # Abbrev [6] 0x83:0x6 DW_TAG_call_site
	.long	168                             # DW_AT_call_origin
	.byte	7                               # DW_AT_call_return_pc
	.byte	6                               # Abbrev [6] 0x89:0x6 DW_TAG_call_site
	.long	168                             # DW_AT_call_origin
	.byte	8                               # DW_AT_call_return_pc
	.byte	6                               # Abbrev [6] 0x8f:0x6 DW_TAG_call_site
	.long	168                             # DW_AT_call_origin
	.byte	9                               # DW_AT_call_return_pc
	.byte	6                               # Abbrev [6] 0x95:0x6 DW_TAG_call_site
	.long	168                             # DW_AT_call_origin
	.byte	10                              # DW_AT_call_return_pc
	.byte	6                               # Abbrev [6] 0x9b:0x6 DW_TAG_call_site
	.long	168                             # DW_AT_call_origin
	.byte	11                              # DW_AT_call_return_pc
	.byte	6                               # Abbrev [6] 0xa1:0x6 DW_TAG_call_site
	.long	168                             # DW_AT_call_origin
	.byte	12                              # DW_AT_call_return_pc
	.byte	0                               # End Of Children Mark
	.byte	7                               # Abbrev [7] 0xa8:0x2d DW_TAG_subprogram
	.byte	13                              # DW_AT_low_pc
	.long	.Lfunc_end1-.Lfunc_begin1       # DW_AT_high_pc
	.byte	1                               # DW_AT_frame_base
	.byte	90
                                        # DW_AT_call_all_calls
	.byte	5                               # DW_AT_name
	.byte	0                               # DW_AT_decl_file
	.byte	6                               # DW_AT_decl_line
                                        # DW_AT_prototyped
	.byte	3                               # DW_AT_calling_convention
	.long	213                             # DW_AT_type
	.byte	8                               # Abbrev [8] 0xb8:0xa DW_TAG_formal_parameter
	.byte	1                               # DW_AT_location
	.byte	81
	.byte	9                               # DW_AT_name
	.byte	0                               # DW_AT_decl_file
	.byte	6                               # DW_AT_decl_line
	.long	213                             # DW_AT_type
	.byte	9                               # Abbrev [9] 0xc2:0x9 DW_TAG_formal_parameter
	.byte	0                               # DW_AT_const_value
	.byte	10                              # DW_AT_name
	.byte	0                               # DW_AT_decl_file
	.byte	6                               # DW_AT_decl_line
	.long	213                             # DW_AT_type
	.byte	9                               # Abbrev [9] 0xcb:0x9 DW_TAG_formal_parameter
	.byte	10                              # DW_AT_const_value
	.byte	11                              # DW_AT_name
	.byte	0                               # DW_AT_decl_file
	.byte	6                               # DW_AT_decl_line
	.long	213                             # DW_AT_type
	.byte	0                               # End Of Children Mark
	.byte	10                              # Abbrev [10] 0xd5:0x4 DW_TAG_base_type
	.byte	4                               # DW_AT_name
	.byte	5                               # DW_AT_encoding
	.byte	4                               # DW_AT_byte_size
	.byte	11                              # Abbrev [11] 0xd9:0x1 DW_TAG_pointer_type
	.byte	0                               # End Of Children Mark
.Ldebug_info_end0:
	.section	.debug_rnglists,"",@progbits
	.long	.Ldebug_list_header_end1-.Ldebug_list_header_start1 # Length
.Ldebug_list_header_start1:
	.short	5                               # Version
	.byte	8                               # Address size
	.byte	0                               # Segment selector size
	.long	1                               # Offset entry count
.Lrnglists_table_base0:
	.long	.Ldebug_ranges0-.Lrnglists_table_base0
.Ldebug_ranges0:
	.byte	3                               # DW_RLE_startx_length
	.byte	0                               #   start index
	.uleb128 .Lfunc_end0-.Lfunc_begin0      #   length
	.byte	3                               # DW_RLE_startx_length
	.byte	13                              #   start index
	.uleb128 .Lfunc_end1-.Lfunc_begin1      #   length
	.byte	0                               # DW_RLE_end_of_list
.Ldebug_list_header_end1:
	.section	.debug_str_offsets,"",@progbits
	.long	52                              # Length of String Offsets Set
	.short	5
	.short	0
.Lstr_offsets_base0:
	.section	.debug_str,"MS",@progbits,1
.Linfo_string0:
	.asciz	"Debian clang version 19.1.7 (3~deb12u1)" # string offset=0
.Linfo_string1:
	.asciz	"clang_debug.c"                 # string offset=40
.Linfo_string2:
	.asciz	"/work/main/asm/testdata/llvm"  # string offset=54
.Linfo_string3:
	.asciz	"filter"                        # string offset=83
.Linfo_string4:
	.asciz	"int"                           # string offset=90
.Linfo_string5:
	.asciz	"clamp"                         # string offset=94
.Linfo_string6:
	.asciz	"i"                             # string offset=100
.Linfo_string7:
	.asciz	"n"                             # string offset=102
.Linfo_string8:
	.asciz	"ctx"                           # string offset=104
.Linfo_string9:
	.asciz	"x"                             # string offset=108
.Linfo_string10:
	.asciz	"lo"                            # string offset=110
.Linfo_string11:
	.asciz	"hi"                            # string offset=113
	.section	.debug_str_offsets,"",@progbits
	.long	.Linfo_string0
	.long	.Linfo_string1
	.long	.Linfo_string2
	.long	.Linfo_string3
	.long	.Linfo_string4
	.long	.Linfo_string5
	.long	.Linfo_string6
	.long	.Linfo_string7
	.long	.Linfo_string8
	.long	.Linfo_string9
	.long	.Linfo_string10
	.long	.Linfo_string11
	.section	.debug_addr,"",@progbits
	.long	.Ldebug_addr_end0-.Ldebug_addr_start0 # Length of contribution
.Ldebug_addr_start0:
	.short	5                               # DWARF version number
	.byte	8                               # Address size
	.byte	0                               # Segment selector size
.Laddr_table_base0:
	.quad	.Lfunc_begin0
	.quad	.Ltmp1
	.quad	.Ltmp4
	.quad	.Ltmp9
	.quad	.Ltmp14
	.quad	.Ltmp19
	.quad	.Ltmp24
	.quad	.Ltmp29
	.quad	.Ltmp34
	.quad	.Ltmp39
	.quad	.Ltmp44
	.quad	.Ltmp49
	.quad	.Ltmp54
	.quad	.Lfunc_begin1
.Ldebug_addr_end0:
	.section	.BTF,"",@progbits
	.short	60319                           # 0xeb9f
	.byte	1
	.byte	0
	.long	24
	.long	0
	.long	108
	.long	108
	.long	202
	.long	0                               # BTF_KIND_PTR(id = 1)
	.long	33554432                        # 0x2000000
	.long	0
	.long	0                               # BTF_KIND_FUNC_PROTO(id = 2)
	.long	218103809                       # 0xd000001
	.long	3
	.long	1
	.long	1
	.long	5                               # BTF_KIND_INT(id = 3)
	.long	16777216                        # 0x1000000
	.long	4
	.long	16777248                        # 0x1000020
	.long	9                               # BTF_KIND_FUNC(id = 4)
	.long	201326593                       # 0xc000001
	.long	2
	.long	0                               # BTF_KIND_FUNC_PROTO(id = 5)
	.long	218103811                       # 0xd000003
	.long	3
	.long	101
	.long	3
	.long	103
	.long	3
	.long	106
	.long	3
	.long	109                             # BTF_KIND_FUNC(id = 6)
	.long	201326592                       # 0xc000000
	.long	5
	.byte	0                               # string offset=0
	.ascii	"ctx"                           # string offset=1
	.byte	0
	.ascii	"int"                           # string offset=5
	.byte	0
	.ascii	"filter"                        # string offset=9
	.byte	0
	.ascii	"socket"                        # string offset=16
	.byte	0
	.ascii	"/work/main/asm/testdata/llvm/clang_debug.c" # string offset=23
	.byte	0
	.ascii	"\t\tn += clamp(i, 0, 10);"     # string offset=66
	.byte	0
	.ascii	"\treturn n;"                   # string offset=90
	.byte	0
	.byte	120                             # string offset=101
	.byte	0
	.ascii	"lo"                            # string offset=103
	.byte	0
	.ascii	"hi"                            # string offset=106
	.byte	0
	.ascii	"clamp"                         # string offset=109
	.byte	0
	.ascii	".text"                         # string offset=115
	.byte	0
	.ascii	"static __attribute__((noinline)) int clamp(int x, int lo, int hi)" # string offset=121
	.byte	0
	.ascii	"\tif (x < lo)"                 # string offset=187
	.byte	0
	.byte	125                             # string offset=200
	.byte	0
	.section	.BTF.ext,"",@progbits
	.short	60319                           # 0xeb9f
	.byte	1
	.byte	0
	.long	32
	.long	0
	.long	36
	.long	36
	.long	436
	.long	472
	.long	0
	.long	8                               # FuncInfo
	.long	16                              # FuncInfo section string offset=16
	.long	1
	.long	.Lfunc_begin0
	.long	4
	.long	115                             # FuncInfo section string offset=115
	.long	1
	.long	.Lfunc_begin1
	.long	6
	.long	16                              # LineInfo
	.long	16                              # LineInfo section string offset=16
	.long	23
	.long	.Ltmp0
	.long	23
	.long	66
	.long	17416                           # Line 17 Col 8
	.long	.Ltmp5
	.long	23
	.long	66
	.long	17413                           # Line 17 Col 5
	.long	.Ltmp8
	.long	23
	.long	66
	.long	17416                           # Line 17 Col 8
	.long	.Ltmp10
	.long	23
	.long	66
	.long	17413                           # Line 17 Col 5
	.long	.Ltmp13
	.long	23
	.long	66
	.long	17416                           # Line 17 Col 8
	.long	.Ltmp15
	.long	23
	.long	66
	.long	17413                           # Line 17 Col 5
	.long	.Ltmp18
	.long	23
	.long	66
	.long	17416                           # Line 17 Col 8
	.long	.Ltmp20
	.long	23
	.long	66
	.long	17413                           # Line 17 Col 5
	.long	.Ltmp23
	.long	23
	.long	66
	.long	17416                           # Line 17 Col 8
	.long	.Ltmp25
	.long	23
	.long	66
	.long	17413                           # Line 17 Col 5
	.long	.Ltmp28
	.long	23
	.long	66
	.long	17416                           # Line 17 Col 8
	.long	.Ltmp30
	.long	23
	.long	66
	.long	17413                           # Line 17 Col 5
	.long	.Ltmp33
	.long	23
	.long	66
	.long	17416                           # Line 17 Col 8
	.long	.Ltmp35
	.long	23
	.long	66
	.long	17413                           # Line 17 Col 5
	.long	.Ltmp38
	.long	23
	.long	66
	.long	17416                           # Line 17 Col 8
	.long	.Ltmp40
	.long	23
	.long	66
	.long	17413                           # Line 17 Col 5
	.long	.Ltmp43
	.long	23
	.long	66
	.long	17416                           # Line 17 Col 8
	.long	.Ltmp45
	.long	23
	.long	66
	.long	17413                           # Line 17 Col 5
	.long	.Ltmp48
	.long	23
	.long	66
	.long	17416                           # Line 17 Col 8
	.long	.Ltmp50
	.long	23
	.long	66
	.long	17413                           # Line 17 Col 5
	.long	.Ltmp53
	.long	23
	.long	66
	.long	17416                           # Line 17 Col 8
	.long	.Ltmp55
	.long	23
	.long	66
	.long	17413                           # Line 17 Col 5
	.long	.Ltmp58
	.long	23
	.long	90
	.long	18434                           # Line 18 Col 2
	.long	115                             # LineInfo section string offset=115
	.long	3
	.long	.Lfunc_begin1
	.long	23
	.long	121
	.long	6144                            # Line 6 Col 0
	.long	.Ltmp63
	.long	23
	.long	187
	.long	8198                            # Line 8 Col 6
	.long	.Ltmp72
	.long	23
	.long	200
	.long	11265                           # Line 11 Col 1
	.addrsig
	.addrsig_sym filter
	.section	.debug_line,"",@progbits
.Lline_table_start0:
