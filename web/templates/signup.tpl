{{%AUTOESCAPE context="HTML"}}
<h1>{{t_signup_title}}</h1>
{{#HAS_ERROR}}<p class="error" role="alert">{{ERROR}}</p>{{/HAS_ERROR}}
{{#SENT}}<p class="notice" role="status">{{t_signup_sent}}</p>{{/SENT}}
{{#FORM}}<p>{{t_signup_help}}</p>
<form method="post" action="{{P}}/signup" class="stack narrow">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="name">{{t_field_name}}</label>
<input id="name" name="name" type="text" autocomplete="name" required maxlength="200" value="{{NAME}}">
<label for="email">{{t_field_email}}</label>
<input id="email" name="email" type="email" autocomplete="email" required value="{{EMAIL}}">
<button type="submit">{{t_signup}}</button>
</form>{{/FORM}}
