import lookup from './lookup';
import preview from './preview';

export default { lookup, preview };
