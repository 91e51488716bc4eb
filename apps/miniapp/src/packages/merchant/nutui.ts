/**
 * NutUI components only the merchant subpackage uses, imported per component with its own
 * stylesheet like components/nutui.ts, but kept here so the main package never carries them.
 */
import Input from '@nutui/nutui-react-taro/dist/es/packages/input';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/style.css';

export { Input };
