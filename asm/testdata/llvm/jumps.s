# Jumps: every condition, 64- and 32-bit, register and immediate; labels
# forward and backward; relative offsets; gotol; may_goto.
start:
	if r1 == r2 goto forward
	if r1 != r2 goto forward
	if r1 > r2 goto forward
	if r1 >= r2 goto forward
	if r1 < r2 goto forward
	if r1 <= r2 goto forward
	if r1 s> r2 goto forward
	if r1 s>= r2 goto forward
	if r1 s< r2 goto forward
	if r1 s<= r2 goto forward
	if r1 & r2 goto forward
	if r1 == 1 goto forward
	if r1 != -1 goto forward
	if r1 > 2147483647 goto forward
	if r1 >= -2147483648 goto forward
	if r1 < 0x10 goto forward
	if r1 <= 5 goto forward
	if r1 s> -5 goto forward
	if r1 s>= 0 goto forward
	if r1 s< 100 goto forward
	if r1 s<= -100 goto forward
	if r1 & 0x8 goto forward
	if w1 == w2 goto start
	if w1 != w2 goto start
	if w1 > w2 goto start
	if w1 >= w2 goto start
	if w1 < w2 goto start
	if w1 <= w2 goto start
	if w1 s> w2 goto start
	if w1 s>= w2 goto start
	if w1 s< w2 goto start
	if w1 s<= w2 goto start
	if w1 & w2 goto start
	if w1 == 1 goto start
	if w1 != 0xffffffff goto start
	if w1 > 7 goto start
	if w1 >= -1 goto start
	if w1 < 3 goto start
	if w1 <= 4 goto start
	if w1 s> -5 goto start
	if w1 s>= 6 goto start
	if w1 s< 0x7fffffff goto start
	if w1 s<= -2147483648 goto start
	if w1 & 1 goto start
forward:
	goto +0
	goto +3
	goto -1
	goto 2
	goto start
	goto LBB0_9
	if r10 > r0 goto -32768
	if w9 < w10 goto +32767
	gotol +5
	gotol -7
	gotol start
	gotol LBB0_9
	gotol +32767
	gotol -32768
	may_goto +0
	may_goto -3
	may_goto LBB0_9
	may_goto start
LBB0_9:
	exit
