import { startMain } from './bootstrap';

void startMain();
