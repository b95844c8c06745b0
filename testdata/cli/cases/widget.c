/* CLI input for a user rule pack (cases/widget.json): widget_open acquires,
 * widget_close releases. */
// sockleak-args: --rules cases/widget.json

int widget_open(const char *name);
void widget_close(int h);
int widget_poke(int h);

int poke_once(const char *name)
{
    int h = widget_open(name);
    if (h < 0)
        return -1;
    if (widget_poke(h) < 0)
        return -1; // expect: resource-leak
    widget_close(h);
    return 0;
}
