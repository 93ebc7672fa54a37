/*
 * Power-off through ACPI S5 and reset through whatever the machine offers,
 * each step falling through to the next when it does not take effect.
 */
#include "drivers/acpi.h"
#include "drivers/acpi_gas.h"
#include "drivers/power.h"
#include "drivers/tsc.h"
#include "kernel/cpu.h"
#include "kernel/kprintf.h"

/* QEMU's fw_cfg interface: selector 0 reads back "QEMU". */
#define FW_CFG_SEL	0x510
#define FW_CFG_DATA	0x511
/* QEMU's isa-debug-exit device, as the test harness configures it. */
#define DEBUG_EXIT	0xf4

#define KBC_STATUS	0x64
#define KBC_CMD		0x64
#define KBC_INPUT_FULL	0x02
#define KBC_PULSE_RESET	0xfe

/* How long each step gets to take effect before the next is tried. */
#define SETTLE_US	500000
/* How long firmware gets to switch to ACPI mode. */
#define ACPI_MODE_US	300000

/*
 * Masks interrupts for good: the steps below poll, and once SCI_EN is set
 * an SCI may fire that nothing would handle.
 */
static void cli(void)
{
	__asm__ volatile("cli" : : : "memory");
}

int power_is_qemu(void)
{
	char sig[4];
	int i;

	outw(FW_CFG_SEL, 0);
	for (i = 0; i < 4; i++)
		sig[i] = (char)inb(FW_CFG_DATA);
	return sig[0] == 'Q' && sig[1] == 'E' && sig[2] == 'M' && sig[3] == 'U';
}

/*
 * Switches the chipset to ACPI mode (SCI_EN set) through SMI_CMD, which
 * some firmware requires before it honours SLP_EN.  Returns a reason it
 * could not, or NULL.
 */
static const char *acpi_mode(const struct acpi_fadt *f)
{
	uint64_t v, start;

	if (acpi_gas_read(&f->pm1a_cnt, &v) != 0)
		return "PM1a_CNT cannot be read";
	if (v & ACPI_PM1_SCI_EN)
		return NULL;
	if (f->smi_cmd == 0 || f->smi_cmd > 0xffff || f->acpi_enable == 0)
		return "SCI_EN is clear and the FADT gives no way to set it";
	outb((uint16_t)f->smi_cmd, f->acpi_enable);
	start = rdtsc();
	while (tsc_ns(rdtsc() - start) < ACPI_MODE_US * 1000ull) {
		if (acpi_gas_read(&f->pm1a_cnt, &v) == 0 &&
		    (v & ACPI_PM1_SCI_EN))
			return NULL;
		cpu_relax();
	}
	return "the firmware did not enter ACPI mode";
}

/*
 * Writes SLP_TYP = typ (with SLP_EN when en) into the PM1 control register
 * g, keeping its other bits.  Returns 0 or -1.
 */
static int pm1_write(const struct acpi_gas *g, uint8_t typ, int en)
{
	uint64_t v;

	if (acpi_gas_read(g, &v) != 0)
		return -1;
	v &= ~(uint64_t)(ACPI_PM1_SLP_TYP_MASK | ACPI_PM1_SLP_EN);
	v |= (uint64_t)typ << ACPI_PM1_SLP_TYP_SHIFT;
	if (en)
		v |= ACPI_PM1_SLP_EN;
	return acpi_gas_write(g, v);
}

/* Enters S5.  Returns only when the machine is still on, with the reason. */
static const char *acpi_s5(void)
{
	const struct acpi_fadt *f;
	const struct aml_s5 *s5;
	const char *why;
	uint64_t v;

	if ((f = acpi_get_fadt()) == NULL)
		return "no ACPI FADT";
	if ((s5 = acpi_get_s5()) == NULL)
		return "no \\_S5_ sleep type in the ACPI tables";
	if (f->flags & ACPI_FADT_HW_REDUCED) {
		v = (uint64_t)s5->slp_typa << ACPI_SLEEP_TYP_SHIFT |
		    ACPI_SLEEP_EN;
		if (acpi_gas_write(&f->sleep_ctl, v) != 0)
			return "no usable sleep control register";
	} else {
		if (f->pm1a_cnt.address == 0)
			return "no PM1a control register";
		if ((why = acpi_mode(f)) != NULL)
			kprintf("power: %s; trying S5 anyway\n", why);
		/* The spec writes SLP_TYP first, then SLP_EN, to both blocks. */
		if (pm1_write(&f->pm1a_cnt, s5->slp_typa, 0) != 0)
			return "PM1a control register cannot be written";
		if (f->pm1b_cnt.address != 0)
			pm1_write(&f->pm1b_cnt, s5->slp_typb, 0);
		pm1_write(&f->pm1a_cnt, s5->slp_typa, 1);
		if (f->pm1b_cnt.address != 0)
			pm1_write(&f->pm1b_cnt, s5->slp_typb, 1);
	}
	tsc_delay_us(SETTLE_US);
	return "the machine ignored the S5 request";
}

void power_off(int status)
{
	const char *why;
	int qemu;

	cli();
	qemu = power_is_qemu();
	if (qemu && status != 0)
		outl(DEBUG_EXIT, (uint32_t)status);
	why = acpi_s5();
	kprintf("power: cannot power off: %s\n", why);
	/* Without ACPI, isa-debug-exit still ends QEMU, as status 0 too. */
	if (qemu && status == 0)
		outl(DEBUG_EXIT, 0);
	kprintf("power: halted; switch the machine off by hand\n");
	cpu_halt_forever();
}

/* Resets through the FADT reset register.  Returns why it did not. */
static const char *reset_acpi(void)
{
	const struct acpi_fadt *f;

	if ((f = acpi_get_fadt()) == NULL)
		return "no ACPI FADT";
	if (!(f->flags & ACPI_FADT_RESET_REG_SUP) || f->reset_reg.address == 0)
		return "the FADT has no reset register";
	if (acpi_gas_write(&f->reset_reg, f->reset_value) != 0)
		return "the reset register is in an unsupported address space";
	tsc_delay_us(SETTLE_US);
	return "writing the reset register did nothing";
}

/* Pulses the CPU reset line through the 8042.  Returns why it did not. */
static const char *reset_kbc(void)
{
	uint64_t start;

	start = rdtsc();
	while (inb(KBC_STATUS) & KBC_INPUT_FULL) {
		if (tsc_ns(rdtsc() - start) > SETTLE_US * 1000ull)
			return "the keyboard controller is busy or absent";
		cpu_relax();
	}
	outb(KBC_CMD, KBC_PULSE_RESET);
	tsc_delay_us(SETTLE_US);
	return "the keyboard controller pulse did nothing";
}

/*
 * Loads an empty IDT and raises an exception: the CPU shuts down and the
 * chipset resets it.
 */
static void __attribute__((noreturn)) triple_fault(void)
{
	struct {
		uint16_t limit;
		uint64_t base;
	} __attribute__((packed)) idtr = { 0, 0 };

	__asm__ volatile("lidt %0; int3" : : "m"(idtr));
	cpu_halt_forever();
}

void power_reset(void)
{
	cli();
	kprintf("power: reset register: %s\n", reset_acpi());
	kprintf("power: %s\n", reset_kbc());
	kprintf("power: triple fault\n");
	triple_fault();
}
